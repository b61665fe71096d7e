/**
 * The verdict on each SW requirement a scenario verifies, from what the suite saw: the answer of
 * every submission against the answer due (policy table, IB codes and HTTP statuses of
 * party-protocol.md), and every accepted message delivered exactly once, unchanged, to its
 * addressee, before the switch's clock moved on; nothing refused delivered.
 */
import type { JudgedVerdict } from '../verdicts/result.js';
import { DateTime } from 'luxon';
import { describeMoment } from '../clock/describe-moment.js';
import type { SubmissionObservation, SwitchObservations } from './switch-observations.js';
import type { SwitchFinding } from './switch-finding.js';
import type { SwitchRequirementId } from './switch-requirements.js';

export interface SwitchJudgement {
  id: SwitchRequirementId;
  /** The result vocabulary of evidence/scenario-record.ts (a switch has every SW duty: none is not applicable). */
  verdict: JudgedVerdict;
  findings: SwitchFinding[];
  reason?: string;
}

export function judgeSwitch(ids: readonly SwitchRequirementId[], obs: SwitchObservations): SwitchJudgement[] {
  return ids.map((id) => {
    const { judged, findings } = id === 'SW-3.1' ? deliveries(obs) : answers(id, obs);
    if (findings.length) return { id, verdict: 'failed', findings };
    if (judged === 0) return { id, verdict: 'not-tested', findings, reason: `no submission of this scenario fell under ${id}` };
    return { id, verdict: 'passed', findings };
  });
}

const when = (at: string, zone: string): string => describeMoment(DateTime.fromISO(at, { zone: 'utc' }), zone);
const dueText = (s: SubmissionObservation): string => (s.due.code
  ? `${s.due.code} (HTTP ${s.due.status}, {"code", "omschrijving"})`
  : 'accepted (HTTP 202, {"ontvangstId", "tijdstip"})');
const idsOf = (s: SubmissionObservation): string[] => (s.submission.identificatie ? [s.submission.identificatie] : []);

function answers(id: SwitchRequirementId, obs: SwitchObservations): { judged: number; findings: SwitchFinding[] } {
  const own = obs.submissions.filter((s) => s.requirement === id);
  const wrong = (s: SubmissionObservation): boolean =>
    s.got.status !== s.due.status || (s.due.code !== null && s.got.code !== s.due.code) || !s.got.shaped;
  const findings = own.filter(wrong).map((s): SwitchFinding => ({
    requirement: id, category: 'answer',
    expected: `${s.submission.label}, submitted by ${s.submission.as} at ${when(s.at, obs.zone)}, to be ${dueText(s)}`,
    happened: `the switch answered HTTP ${s.got.status}${s.got.code ? ` ${s.got.code}` : ''}${s.got.shaped ? '' : ' without the body the protocol gives that status'}: ${s.got.excerpt}`,
    messageIds: idsOf(s),
  }));
  return { judged: own.length, findings };
}

function deliveries(obs: SwitchObservations): { judged: number; findings: SwitchFinding[] } {
  const accepted = obs.submissions.filter((s) => s.got.status === 202);
  const findings: SwitchFinding[] = [];
  const taken = obs.deliveries.filter((d) => d.answered === 202);
  for (const s of accepted) {
    const own = taken.filter((d) => d.hash === s.hash);
    const toAddressee = own.filter((d) => d.identity === s.submission.addressee);
    const base = { requirement: 'SW-3.1' as const, messageIds: idsOf(s) };
    const due = `${s.submission.label}, accepted at ${when(s.at, obs.zone)}, to be delivered once to ${s.submission.addressee ?? 'its addressee'} before the switch's clock moved on`;
    if (s.submission.addressee === null) continue; // a hostile body accepted is SW-4's finding; it has no addressee to reach
    if (own.length > toAddressee.length) {
      findings.push({ ...base, category: 'misrouted', expected: due, happened: `it was delivered to ${[...new Set(own.filter((d) => d.identity !== s.submission.addressee).map((d) => d.identity))].join(', ')}` });
    }
    if (toAddressee.length === 0) {
      const attempts = obs.deliveries.filter((d) => d.hash === s.hash).length;
      findings.push({ ...base, category: 'lost', expected: due, happened: attempts ? `it was never taken: ${attempts} attempt(s) failed and the switch gave up` : 'it was never delivered' });
    } else if (toAddressee.length > 1) {
      findings.push({ ...base, category: 'duplicate', expected: due, happened: `it was delivered ${toAddressee.length} times (${toAddressee.map((d) => when(d.at, obs.zone)).join('; ')})` });
    } else if ((toAddressee[0]?.at ?? '') !== s.at) {
      findings.push({ ...base, category: 'late', expected: due, happened: `it arrived only at ${when(toAddressee[0]?.at ?? '', obs.zone)}` });
    }
  }
  const acceptedHashes = new Set(accepted.map((s) => s.hash));
  for (const d of taken.filter((x) => !acceptedHashes.has(x.hash))) {
    const refused = obs.submissions.find((s) => s.hash === d.hash);
    findings.push({
      requirement: 'SW-3.1', category: refused ? 'misrouted' : 'duplicate', messageIds: refused ? idsOf(refused) : [],
      expected: 'only accepted messages to be delivered',
      happened: refused
        ? `${refused.submission.label} was refused (HTTP ${refused.got.status}) and still delivered to ${d.identity} at ${when(d.at, obs.zone)}`
        : `a body the suite never submitted (sha256 ${d.hash.slice(0, 12)}…) was delivered to ${d.identity} at ${when(d.at, obs.zone)}`,
    });
  }
  return { judged: obs.submissions.length, findings };
}
