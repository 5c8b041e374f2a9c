import { remoteChangeNotice } from '../../client/record-form';

describe('the notice an editor shows when someone else changes what it edits', () => {
  const base = { id: 'kataib-hezbollah', version: 3 };
  const change = { kind: 'entity' as const, id: 'kataib-hezbollah', version: 4, op: 'update' as const, actor: 'bob' };

  test('a newer version of the record being edited is news, with who saved it and the version', () => {
    expect(remoteChangeNotice('entity', base, change)).toBe(
      'bob saved a change to this entity (version 4) while you were editing. When you save, you will see both and can re-apply yours on top.',
    );
    expect(remoteChangeNotice('entity', base, { ...change, op: 'delete' })).toBe('bob deleted this entity while you were editing it.');
  });

  test('a stream that does not name the actor says "Someone", never "null"', () => {
    expect(remoteChangeNotice('source', base, { ...change, kind: 'source', actor: null })).toMatch(/^Someone saved a change to this source \(version 4\)/);
  });

  test('not news: another record, the same id in another kind (sources have their own ids), the version already edited, no record yet', () => {
    expect(remoteChangeNotice('entity', base, { ...change, id: 'asaib-ahl-al-haq' })).toBeNull();
    expect(remoteChangeNotice('entity', base, { ...change, kind: 'source' })).toBeNull();
    expect(remoteChangeNotice('relationship', base, change)).toBeNull();
    expect(remoteChangeNotice('entity', base, { ...change, version: 3 })).toBeNull();
    expect(remoteChangeNotice('entity', null, change)).toBeNull();
  });
});
