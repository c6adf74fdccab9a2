import { generate } from 'selfsigned';

/** A private key and its certificate, both PEM. */
export interface PemPair {
  key: string;
  cert: string;
}

/** What {@link generateCert} makes. Every field is optional. */
export interface CertOptions {
  /** Subject CN. Default `'localhost'`. */
  commonName?: string;
  /**
   * Subject alternative names: IP literals become IP entries, anything else DNS entries.
   * Default `['localhost', '127.0.0.1']`.
   */
  altNames?: readonly string[];
  /** Validity in days from `notBefore` (may be fractional). Default 30. */
  days?: number;
  /** Start of validity. Default now. Put it in the past with a short `days` for an expired cert. */
  notBefore?: Date;
  /** Sign with this CA instead of self-signing. */
  issuer?: PemPair;
  /** Make a CA certificate (basicConstraints cA, keyCertSign) instead of a server certificate. */
  isCa?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Generates a certificate at test time (EC P-256, SHA-256, a few ms), self-signed or signed by a
 * test CA, so tests need no certificate files.
 *
 * ## Example
 * ```ts
 * const ca = await generateCert({ commonName: 'test CA', isCa: true });
 * const leaf = await generateCert({ altNames: ['localhost', '127.0.0.1'], issuer: ca });
 * const expired = await generateCert({ notBefore: new Date(Date.now() - 10 * 86_400_000), days: 1 });
 * ```
 *
 * @param options Subject, names, validity, issuer.
 * @returns The key and certificate, PEM.
 */
export async function generateCert(options: CertOptions = {}): Promise<PemPair> {
  const {
    commonName = 'localhost',
    altNames = ['localhost', '127.0.0.1'],
    days = 30,
    notBefore = new Date(),
    issuer,
    isCa = false,
  } = options;
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: new Date(notBefore.getTime() + days * DAY_MS),
    ca: issuer,
    extensions: isCa
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: altNames.map(toAltName) },
        ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** An IP literal becomes an IP SAN entry (type 7), anything else a DNS entry (type 2). */
function toAltName(name: string): { type: 2; value: string } | { type: 7; ip: string } {
  return /^[\d.]+$|:/.test(name) ? { type: 7, ip: name } : { type: 2, value: name };
}
