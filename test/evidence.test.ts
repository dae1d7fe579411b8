/**
 * Every trade-off claim says where it comes from (issue: "trade-offs that prove themselves"): a
 * paper passage, one of our experiments whose committed result supports it, a tested property, or
 * a conjecture shown as one. Checked over the whole registry and the softmax family, so a claim
 * added without evidence, a misspelt key or a finding that no longer holds fails here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { activations, references, vectorFunctions } from '../src/index.js';
import type { Claim, Evidence, TradeOffs } from '../src/index.js';
import { experimentById, loadResults } from '../src/experiments/index.js';

interface Owner {
  readonly id: string;
  readonly tradeOffs: TradeOffs;
  /** Keys of its tested properties (vector functions have none that evidence can name). */
  readonly propertyKeys: readonly string[];
}

const OWNERS: readonly Owner[] = [
  ...Object.values(activations).map((a) => ({ id: a.id, tradeOffs: a.tradeOffs, propertyKeys: Object.keys(a.properties) })),
  ...Object.values(vectorFunctions).map((f) => ({ id: f.id, tradeOffs: f.tradeOffs, propertyKeys: [] })),
];

function claimsOf(t: TradeOffs): { list: string; claim: Claim }[] {
  const lists = { advantages: t.advantages, disadvantages: t.disadvantages, whenToUse: t.whenToUse, corrections: t.corrections ?? [] };
  return Object.entries(lists).flatMap(([list, claims]) => claims.map((claim) => ({ list, claim })));
}

/** "where" must point into the paper, not just name it. */
const LOCATOR =
  /\b(sections?|§|tables?|fig(ure)?s?\.?|p{1,2}\.|pages?|eq(uation)?s?\.?|theorems?|lemmas?|appendix|abstract|chapter|algorithm|definition|introduction|conclusions?|discussion)\b|§/i;

/** A claim resting on conjecture alone must read as one. */
const HEDGED =
  /\b(conjecture|suggests?|suggested|hypothes[ie]s|may|might|could|argues?|proposes?|speculat\w*|not (been )?shown|unverified|untested|believed|claims?)\b/i;

const resultsCache = new Map<string, unknown>();
function resultOf(id: string): unknown {
  if (!resultsCache.has(id)) resultsCache.set(id, loadResults(id).result);
  return resultsCache.get(id);
}

function checkEvidence(owner: Owner, claim: Claim, e: Evidence): void {
  const where = `${owner.id}: "${claim.text.slice(0, 60)}…"`;
  switch (e.kind) {
    case 'paper':
      assert.ok(references[e.key], `${where} cites unknown reference '${e.key}'`);
      assert.match(e.where, LOCATOR, `${where}: where '${e.where}' names no section, table, figure or page of ${e.key}`);
      break;
    case 'property':
      assert.ok(owner.propertyKeys.includes(e.property), `${where} names property '${e.property}', not one of ${owner.id}'s tested properties`);
      break;
    case 'measured': {
      const experiment = experimentById(e.experiment);
      const finding = experiment.findings.find((f) => f.id === e.finding);
      assert.ok(finding, `${where} cites finding '${e.finding}', which experiment '${e.experiment}' does not have`);
      const result = resultOf(e.experiment);
      assert.ok(finding.holds(result), `${where} cites ${e.experiment}/${e.finding}, which does not hold on the committed result: ${finding.detail(result)}`);
      break;
    }
    case 'conjecture':
      if (e.key !== undefined) assert.ok(references[e.key], `${where}: conjecture credited to unknown reference '${e.key}'`);
      break;
    default: {
      const never: never = e;
      assert.fail(`${where}: unknown evidence ${JSON.stringify(never)}`);
    }
  }
}

describe('every trade-off claim has evidence', () => {
  for (const owner of OWNERS) {
    test(`${owner.id}: each claim carries valid evidence`, () => {
      const claims = claimsOf(owner.tradeOffs);
      for (const list of ['advantages', 'disadvantages', 'whenToUse'] as const) {
        assert.ok(owner.tradeOffs[list].length > 0, `${owner.id} has no ${list}`);
      }
      for (const { list, claim } of claims) {
        assert.ok(claim.text.trim().length > 0, `${owner.id}.${list}: empty claim text`);
        assert.ok(claim.evidence.length > 0, `${owner.id}.${list}: "${claim.text}" has no evidence`);
        for (const e of claim.evidence) checkEvidence(owner, claim, e);
      }
    });

    test(`${owner.id}: a claim supported only by conjecture reads as one`, () => {
      for (const { list, claim } of claimsOf(owner.tradeOffs)) {
        if (claim.evidence.length > 0 && claim.evidence.every((e) => e.kind === 'conjecture')) {
          assert.match(claim.text, HEDGED, `${owner.id}.${list}: "${claim.text}" rests on conjecture but is stated as fact`);
        }
      }
    });
  }
});

describe('the checks themselves can fail', () => {
  const owner = OWNERS[0]!;
  const claim: Claim = { text: 'probe', evidence: [{ kind: 'conjecture' }] };
  test('an unknown paper key, a vague locator, an unknown property or experiment is rejected', () => {
    assert.throws(() => checkEvidence(owner, claim, { kind: 'paper', key: 'nobody2099', where: 'Section 1' }), /unknown reference/);
    assert.throws(() => checkEvidence(owner, claim, { kind: 'paper', key: Object.keys(references)[0]!, where: 'somewhere' }), /names no section/);
    assert.throws(() => checkEvidence({ ...owner, propertyKeys: [] }, claim, { kind: 'property', property: 'range' }), /not one of/);
    assert.throws(() => checkEvidence(owner, claim, { kind: 'measured', experiment: 'no-such-experiment', finding: 'x' }), RangeError);
  });
  test('an unhedged claim with only conjecture behind it is caught by the pattern', () => {
    assert.doesNotMatch('It reduces the need for other regularisation.', HEDGED);
    assert.match('The Mish paper suggests it reduces the need for other regularisation.', HEDGED);
  });
});
