/**
 * A self-signed certificate and its key for the warm-up's throw-away https server only
 * (`warmUpPaths`): it listens on 127.0.0.1, port 0, for the few milliseconds of the warm-up, and
 * the warm-up's own requests to it skip verification. Published on purpose: it protects nothing.
 * EC P-256, CN `rxmon-warm-up.invalid`, SANs 127.0.0.1 and localhost, valid until 2126.
 */
export const WARM_UP_TLS: { readonly key: string; readonly cert: string } = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgbKYJ4rssUrulSZYh
4ykXNlQrPwfQK4n+dr/6tFBmKSihRANCAAQcWqTmj2x34qxwt/EDUxNDe3L930Vw
U0q7SmK61R2j60Y1d5NM4WFi2lhdYl9eDXXaf3sE5DRBwnE1FQbBiklm
-----END PRIVATE KEY-----\n`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBsjCCAVmgAwIBAgIUTERbbXK2qWxGPCjz2ajdZvCCDo8wCgYIKoZIzj0EAwIw
IDEeMBwGA1UEAwwVcnhtb24td2FybS11cC5pbnZhbGlkMCAXDTI2MTIwMjAwMDA1
NVoYDzIxMjYxMTA4MDAwMDU1WjAgMR4wHAYDVQQDDBVyeG1vbi13YXJtLXVwLmlu
dmFsaWQwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQcWqTmj2x34qxwt/EDUxND
e3L930VwU0q7SmK61R2j60Y1d5NM4WFi2lhdYl9eDXXaf3sE5DRBwnE1FQbBiklm
o28wbTAdBgNVHQ4EFgQUGSY4OoraGly+IE6cycM3aD18UcEwHwYDVR0jBBgwFoAU
GSY4OoraGly+IE6cycM3aD18UcEwDwYDVR0TAQH/BAUwAwEB/zAaBgNVHREEEzAR
hwR/AAABgglsb2NhbGhvc3QwCgYIKoZIzj0EAwIDRwAwRAIgMtNxpU8cdPX0JisM
GaBL+dtDKEigOlHLNQ7wi+fqHV0CIHkSn1nadJpwnM8WAp2zFsApQuYyFGQyCUH4
y8/enamT
-----END CERTIFICATE-----\n`,
};
