import { verifyAudit } from '../../kernel/audit/verify-audit.ts';
import { writeCheckpoint } from '../../kernel/audit/write-checkpoint.ts';
import { UsageError, type CliCommand } from './io.ts';

const KIND: Record<string, string> = {
  altered: '被修改',
  removed: '被删除',
  inserted: '被插入',
  head_mismatch: '链头不符',
  checkpoint_mismatch: '检查点不符',
};

/**
 * `minzheng audit verify` — check every chain and the checkpoint chain. Prints the event
 * count and the system head hash; exit 0 when intact, 1 naming each problem, first found first.
 */
export const auditVerifyCommand: CliCommand = async (argv, io) => {
  if (argv.length) throw new UsageError('audit verify 不接受参数 / takes no arguments');
  const { ctx, handle } = await io.open();
  try {
    const r = await verifyAudit(ctx);
    io.out(`events: ${r.events}`);
    io.out(`chains: ${r.chains}`);
    io.out(`checkpoints: ${r.checkpoints}`);
    io.out(`head: ${r.headHash}`);
    if (r.ok) {
      io.out('OK 审计链完整');
      return 0;
    }
    io.err(`FAIL 审计链遭篡改，发现 ${r.problems.length}${r.truncated ? '+' : ''} 处问题（第一处为最先发现的）`);
    for (const p of r.problems) {
      const where = p.chainId === null ? `checkpoint seq=${p.seq}` : `chain=${p.chainId} seq=${p.seq}`;
      io.err(`${p.kind} ${KIND[p.kind] ?? ''} ${where} event=${p.eventId ?? '-'}: ${p.message}`);
    }
    return 1;
  } finally {
    await handle.close();
  }
};

/**
 * `minzheng audit checkpoint` — snapshot every chain head into a new checkpoint and print its
 * hash. Keep the printed lines outside the database (ticket, mail, paper): that is the anchor.
 */
export const auditCheckpointCommand: CliCommand = async (argv, io) => {
  if (argv.length) throw new UsageError('audit checkpoint 不接受参数 / takes no arguments');
  const { ctx, handle } = await io.open();
  try {
    const cp = await writeCheckpoint(ctx);
    io.out(`checkpoint: ${cp.seq}`);
    io.out(`at: ${cp.at.toISOString()}`);
    io.out(`chains: ${cp.heads.length}`);
    io.out(`events: ${cp.heads.reduce((n, h) => n + h.seq, 0)}`);
    io.out(`head: ${cp.systemHead}`);
    io.out(`hash: ${cp.hash}`);
    return 0;
  } finally {
    await handle.close();
  }
};
