import {
  EMPTY,
  type Observable,
  type OperatorFunction,
  type SchedulerLike,
  asyncScheduler,
  concat,
  connect,
  distinctUntilKeyChanged,
  from,
  endWith,
  groupBy,
  ignoreElements,
  map,
  mergeMap,
  of,
  switchMap,
  takeUntil,
  timer,
} from 'rxjs';
import type { CheckResult } from '../check/checkResult.js';
import type { AlertSpec } from '../config/types.js';
import type { MonitorState } from '../operators/health.js';

/** One alert to send: what {@link alertEvents} decides, what a webhook receives (rendered). */
export interface AlertEvent {
  /** The monitor's name. */
  monitor: string;
  state: 'up' | 'down';
  /** True for a repeat of a `down` alert while the monitor is still down. */
  reminder: boolean;
  /** When the state began (ISO): for `down` and its reminders, the start of the incident. */
  since: string;
  /** The result that caused the state. */
  result: CheckResult;
}

/**
 * Decides which alerts one webhook gets, from a stream of monitor state changes (from `health`).
 *
 * Per monitor: a `down` alert when the monitor goes down; then nothing more for that incident until
 * `reminderEvery` has passed, then a reminder (`state: 'down', reminder: true`) every `reminderEvery`
 * while it is still down. When it comes back up, reminders stop and, with `sendOnResolved`, an `up`
 * alert is sent — never for a monitor that was not down (the first state seen being `up`). Repeated
 * equal states are ignored. When the states complete, pending reminders are dropped and the alerts
 * complete too. Pure: it sends nothing.
 *
 * ```
 * states:                                  -d--------u---|
 * alertEvents({ sendOnResolved: true,
 *               reminderEvery: 4 }):        -D---R---RU---|   (R: reminder)
 * ```
 *
 * ## Example
 * ```ts
 * import { dispatch, health, alertEvents } from 'rxmon';
 *
 * dispatch(monitors, stop$)
 *   .pipe(health(), alertEvents({ sendOnResolved: true, reminderEvery: 60 * 60_000 }))
 *   .subscribe(({ monitor, state, reminder }) =>
 *     console.log(`${monitor} is ${state}${reminder ? ' (still)' : ''}`),
 *   );
 * ```
 *
 * A restarted daemon passes `resume`: the states its monitors were in (from the store). A monitor
 * that was down gets no second `down` alert — only its reminders, counted from the restart — and
 * its recovery sends the resolved alert once.
 *
 * @param alert The webhook's `sendOnResolved` and `reminderEvery` (ms; absent or ≤ 0: never).
 * @param scheduler Where reminder timers run. Default `asyncScheduler`.
 * @param options `resume`: each monitor's state before a restart (alerts for them were sent then).
 * @returns An operator from monitor states to alert events.
 */
export function alertEvents(
  alert: Pick<AlertSpec, 'sendOnResolved' | 'reminderEvery'>,
  scheduler: SchedulerLike = asyncScheduler,
  { resume = [] }: { resume?: readonly MonitorState[] } = {},
): OperatorFunction<MonitorState, AlertEvent> {
  const { sendOnResolved, reminderEvery } = alert;
  const resumed = new WeakSet<MonitorState>(resume);

  const reminders = (state: MonitorState): Observable<AlertEvent> =>
    reminderEvery === undefined || !(reminderEvery > 0) ? EMPTY : timer(reminderEvery, reminderEvery, scheduler).pipe(map(() => toEvent(state, true)));

  const downAlerts = (state: MonitorState): Observable<AlertEvent> => concat(of(toEvent(state, false)), reminders(state));

  return (live$) =>
    (resume.length === 0 ? live$ : concat(from(resume), live$)).pipe(
      connect((shared$) =>
        shared$.pipe(
          groupBy((state) => state.monitor),
          mergeMap((perMonitor$) =>
            perMonitor$.pipe(
              distinctUntilKeyChanged('state'),
              // After distinctUntilKeyChanged, an `up` that is not the first state follows a `down`.
              switchMap((state, index) => {
                if (resumed.has(state)) return state.state === 'down' ? reminders(state) : EMPTY;
                if (state.state === 'down') return downAlerts(state);
                return sendOnResolved && index > 0 ? of(toEvent(state, false)) : EMPTY;
              }),
            ),
          ),
          // Reminder timers never end by themselves: stop them when the states complete.
          takeUntil(shared$.pipe(ignoreElements(), endWith(true))),
        ),
      ),
    );
}

function toEvent({ monitor, state, since, result }: MonitorState, reminder: boolean): AlertEvent {
  return { monitor, state, reminder, since, result };
}
