import { ContainerModule } from 'inversify';
import { AxiosHttpClient } from '../../http/axiosHttpClient.js';
import type { HttpClient } from '../../http/httpClient.js';
import { TYPES } from '../identifiers.js';

/** Binds the HTTP adapter (axios). Tests rebind `TYPES.HttpClient` to a fake. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind<HttpClient>(TYPES.HttpClient).to(AxiosHttpClient).inSingletonScope();
});
