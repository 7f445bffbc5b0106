import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import { demoActor, demoUnit, demoUnits, demoUserId, type Actor } from '../../../kernel/identity/index.ts';
import { createVersion, reviewVersion, submitVersion } from '../commands/versions.ts';
import { registerOffice } from '../commands/offices.ts';
import { adoptCatalogue } from '../commands/lists.ts';
import { createPower, transferPower } from '../commands/powers.ts';
import { enterSupervisionItem, reviewSupervisionItem } from '../commands/supervision.ts';
import { demoCatalogueItems } from './demo-items.ts';
import { DEMO_POWERS } from './demo-powers.ts';
import { bodyUscc } from './demo-uscc.ts';
import { seedDemoDefects, seedDemoLocalFields } from './demo-lists.ts';

const ALL = ['catalogue.read', 'catalogue.draft', 'catalogue.publish', 'catalogue.list', 'catalogue.supervise', 'catalogue.supervise_review'];
/** Offices keeping lists in the demo: the region, a city, four counties, two townships. */
const OFFICES: Array<[orgCode: string, name: string]> = [
  ['640000-mzt', '宁夏回族自治区民政厅'],
  ['640100-mzj', '银川市民政局'],
  ['640104-mzj', '银川市兴庆区民政局'],
  ['640221-mzj', '平罗县民政局'],
  ['640423-mzj', '隆德县民政局'],
  ['640422-mzj', '西吉县民政局'],
  ['640423100-gov', '隆德县城关镇人民政府'],
  ['640221100-gov', '平罗县城关镇人民政府'],
];

/**
 * 政务服务事项 demo data through the real commands, dated 2019 (the report's year): the 119-item
 * catalogue drafted and published by two people, implementation lists at eight offices with a few
 * deliberate 漏项/重项/错项, the 81-item power list (two more 划转 during 2019), 66 + 19 互联网+监管
 * items entered and reviewed by different people. Idempotent.
 */
export async function seedDemoCatalogue(ctx: AppContext) {
  if ((await sql`select 1 from catalogue.version where is_demo limit 1`.execute(ctx.db)).rows.length) return { skipped: true, items: 0, powers: 0 };
  let t = chinaMidnight('2019-05-20').getTime() + 9 * 3_600_000;
  const clock: Clock = { now: () => new Date(t) };
  const step = (days: number) => (t += days * 86_400_000);
  return withTx({ ...ctx, clock }, async (tx) => {
    const orgs = await demoUnits(tx);
    const actor = (code: string, who: string, n: number): Actor => {
      const o = demoUnit(orgs, code);
      return demoActor(o, { displayName: `${o.name}${who}`, userId: demoUserId(n), permissions: ALL, assignmentId: `demo-catalogue-${code}` });
    };
    const drafter = actor('640000-mzt', '法规处经办人', 1);
    const approver = actor('640000-mzt', '法规处负责人', 2);
    const v = await createVersion(
      tx,
      drafter,
      { title: '2019年版全区民政系统政务服务事项基本目录', effectiveOn: '2019-06-01', items: demoCatalogueItems() },
      { demo: true },
    );
    await submitVersion(tx, drafter, v.id);
    step(3);
    await reviewVersion(tx, approver, v.id, { approve: true, note: '经审核，与国家目录一致，同意发布。' });
    step(10);
    const offices = new Map<string, { id: string; actor: Actor }>();
    for (const [i, [code, name]] of OFFICES.entries()) {
      const a = actor(code, '经办人', 10 + i);
      const o = orgs.get(code)!;
      const { id } = await registerOffice(tx, a, { orgUnitId: o.id, name, uscc: bodyUscc(o.area_code.slice(0, 6), 100 + i) });
      await adoptCatalogue(tx, a, id, {}, { demo: true });
      offices.set(code, { id, actor: a });
      step(1);
    }
    await seedDemoLocalFields(tx);
    const xq = orgs.get('640104-mzj')!;
    const xqActor = offices.get('640104-mzj')!.actor;
    const { id: approvalOffice } = await registerOffice(tx, xqActor, { orgUnitId: xq.id, name: '银川市兴庆区行政审批服务局', uscc: bodyUscc('640104', 200) });
    await seedDemoDefects(tx, {
      xiji: offices.get('640422-mzj')!.id,
      pingluo: offices.get('640221-mzj')!.id,
      longde: offices.get('640423-mzj')!.id,
      approvalOffice,
    });
    const region = offices.get('640000-mzt')!;
    const powerIds: Array<{ id: string; type: string; name: string; basis: string }> = [];
    for (const [i, pw] of DEMO_POWERS.entries()) {
      const code = `64${pw.type}11${String(i + 1).padStart(3, '0')}000`;
      const duties =
        '1.受理责任：公示依据、条件、程序；2.审查责任：依法审查；3.决定责任：作出决定并送达；4.事后监管责任：加强监督检查；5.其他法律法规规章规定应履行的责任。';
      const accountability = '不履行或者不正确履行上述责任，有滥用职权、玩忽职守、徇私舞弊等情形的，依法依规追究相关人员责任。';
      const { id } = await createPower(
        tx,
        drafter,
        { code, name: pw.name, typeCode: pw.type, legalBasis: pw.basis, duties, accountability, officeId: region.id, validFrom: '2019-01-01' },
        { demo: true },
      );
      powerIds.push({ id, type: pw.type, name: pw.name, basis: pw.basis });
    }
    t = chinaMidnight('2019-03-01').getTime() + 10 * 3_600_000;
    for (const [i, pw] of DEMO_POWERS.entries())
      if (pw.transfer) await transferPower(tx, drafter, powerIds[i]!.id, { toBody: pw.transfer.to, transferredOn: pw.transfer.on, basis: pw.transfer.basis });
    t = chinaMidnight('2019-08-01').getTime() + 9 * 3_600_000;
    const supervised = powerIds.filter((p, i) => !DEMO_POWERS[i]!.transfer && ['02', '03', '06'].includes(p.type)).slice(0, 66);
    const enterer = actor('640000-mzt', '监管事项录入人', 3);
    const reviewer = actor('640000-mzt', '监管事项审核人', 4);
    const catalogueCode = (i: number) => `640000${supervised[i]!.type}11${String(i + 1).padStart(4, '0')}`;
    const objectsOf = (name: string) =>
      name.includes('养老') ? '养老机构' : name.includes('殡葬') || name.includes('墓') ? '殡葬服务机构' : name.includes('界') ? '行政区域界线' : '社会组织';
    for (const [i, pw] of supervised.entries()) {
      const base = {
        catalogueCode: catalogueCode(i),
        name: pw.name.replace(/的处罚$|的取缔$/, '的监管'),
        powerId: pw.id,
        objects: objectsOf(pw.name),
        basis: pw.basis,
      };
      const s = await enterSupervisionItem(tx, enterer, { kind: '目录清单', officeId: region.id, ...base }, { demo: true });
      await reviewSupervisionItem(tx, reviewer, s.id, { approve: true, note: null });
    }
    const listOffices: Array<[string, number]> = [
      ['640000-mzt', 7],
      ['640100-mzj', 6],
      ['640104-mzj', 6],
    ];
    let k = 0;
    for (const [code, n] of listOffices) {
      const off = offices.get(code)!;
      const a = actor(code, '监管事项录入人', 20 + k);
      const r = actor(code, '监管事项审核人', 40 + k);
      for (let j = 0; j < n; j++, k++) {
        const pw = supervised[k]!;
        const s = await enterSupervisionItem(
          tx,
          a,
          {
            kind: '检查实施清单',
            officeId: off.id,
            catalogueCode: catalogueCode(k),
            name: pw.name.replace(/的处罚$|的取缔$/, '的检查'),
            powerId: pw.id,
            objects: objectsOf(pw.name),
            basis: pw.basis,
            checkCategory: '双随机抽查',
            checkMethod: '现场检查',
            content: '登记事项、章程执行、财务管理、信息公开',
            frequency: '每年一次，抽查比例不低于5%',
          },
          { demo: true },
        );
        await reviewSupervisionItem(tx, r, s.id, { approve: true, note: null });
      }
    }
    const ld = offices.get('640423-mzj')!;
    await enterSupervisionItem(
      tx,
      actor('640423-mzj', '监管事项录入人', 60),
      {
        kind: '检查实施清单',
        officeId: ld.id,
        catalogueCode: catalogueCode(k),
        name: '对养老机构服务质量的检查',
        powerId: supervised[k]!.id,
        objects: '养老机构',
        basis: supervised[k]!.basis,
        checkCategory: '重点检查',
        checkMethod: '现场检查',
        frequency: '每年一次',
      },
      { demo: true },
    );
    return { skipped: false, items: 119, powers: DEMO_POWERS.length };
  });
}
