import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { loadSessionActor } from '../identity/queries/load-session-actor.ts';
import { createCase } from './create-case.ts';

/** Issue 17: an office that handed a case on reads it, and that is all — no comments, no attachments. */
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
let xq: Session, ld: Session;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const upload = (s: Session, id: string) => {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), '说明.pdf');
  return t.app.inject({ method: 'POST', url: `/api/cases/${id}/attachments`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: fd as never });
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  [xq, ld] = await Promise.all([t.login('xq-mzj'), t.login('ld-mzj')]);
});
afterAll(() => t?.close());

describe('read-only after a handoff', () => {
  it('the sender still reads the case but may not comment or attach; the receiver may', async () => {
    const r = await loadSessionActor(t.ctx, xq.cookie.split('=')[1]!, null);
    if (r.kind !== 'ok') throw new Error('session not ok');
    const c = await createCase(t.ctx, r.actor, { type: SAMPLE_TYPE, title: '移交后只读', orgUnitId: xq.me.orgUnit.id, input: { summary: '跨县移交' } });
    expect((await xq.post(`/api/cases/${c.id}/comments`, { body: '移交前的意见' })).statusCode).toBe(201);
    const h = await xq.post(`/api/cases/${c.id}/handoff`, { kind: 'transfer', toOrgId: await org('640423-mzj'), note: '请隆德县办理' });
    expect(h.statusCode, h.body).toBe(200);
    expect((await ld.post(`/api/cases/${c.id}/acknowledge`, {})).statusCode).toBe(200);
    expect((await xq.get(`/api/cases/${c.id}`)).statusCode).toBe(200);
    const comment = await xq.post(`/api/cases/${c.id}/comments`, { body: '移交后还想补充' });
    expect(comment.statusCode).toBe(403);
    expect(comment.json()).toMatchObject({ code: 'CASE_READ_ONLY', title: expect.stringContaining('只能查看') });
    const file = await upload(xq, c.id);
    expect(file.statusCode).toBe(403);
    expect(file.json().code).toBe('CASE_READ_ONLY');
    expect((await ld.post(`/api/cases/${c.id}/comments`, { body: '接收后的意见' })).statusCode).toBe(201);
    expect((await upload(ld, c.id)).statusCode).toBe(201);
    const comments = await t.ctx.db.selectFrom('core.case_comment').select('body').where('case_id', '=', c.id).execute();
    expect(comments.map((x) => x.body).sort()).toEqual(['接收后的意见', '移交前的意见'].sort());
  });
});
