import { openApiDocument } from '../../src/api/openApiDocument.js';

describe('openApiDocument', () => {
  const document = JSON.parse(JSON.stringify(openApiDocument));

  it('is OpenAPI 3.1 with paths', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info).toMatchObject({ title: 'rxmon' });
    expect(typeof document.paths).toBe('object');
  });

  it.each([
    '/api/v1/monitors',
    '/api/v1/maintenance',
    '/api/v1/monitors/{name}/results',
    '/api/v1/monitors/{name}/incidents',
    '/api/v1/monitors/{name}/uptime',
    '/api/v1/openapi.json',
    '/badge/{name}/status.svg',
    '/badge/{name}/uptime/{window}.svg',
    '/badge/{name}/response-time/{window}.svg',
    '/badge/{name}/shields.json',
  ])('documents GET %s', (path) => {
    expect(document.paths[path]?.get?.responses?.['200']).toBeDefined();
  });

  it('declares every path parameter it uses, and resolves every $ref', () => {
    for (const [path, item] of Object.entries<any>(document.paths)) {
      const declared = (item.get.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name).sort();
      const used = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ path, declared }).toEqual({ path, declared: used });
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const name of refs) expect(document.components.schemas).toHaveProperty(name);
  });

  it('documents starting and stopping ad hoc maintenance windows', () => {
    expect(document.paths['/api/v1/maintenance'].post.responses['201']).toBeDefined();
    expect(document.paths['/api/v1/maintenance'].delete.responses['200']).toBeDefined();
  });

  it('names the fields of the contract', () => {
    expect(document.components.schemas.Monitor.required).toEqual(['name', 'group', 'state', 'since', 'maintenance', 'last', 'uptime']);
    expect(document.components.schemas.MaintenanceWindow.required).toEqual(['name', 'source', 'start', 'end']);
    expect(document.components.schemas.Uptime.required).toEqual(['window', 'ratio', 'checks', 'ok']);
    expect(Object.keys(document.components.schemas.Incident.properties)).toEqual(['since', 'until', 'error']);
  });
});
