/**
 * Shared by the playground's tests (test/site/playground-settings.test.ts, playground-suite.ts): an
 * activation choice with its parameters moved off PyTorch's defaults, and the experiments' trainer
 * run on a playground setting, from scratch, as the reference the page's numbers must equal; the
 * catalog the site gives the page.
 */
import { activations, type ActivationId } from '../../src/registry.js';
import { createRandom } from '../../src/experiments/random.js';
import { createNetwork, evaluate, train } from '../../src/experiments/trainer.js';
import { catalogFromModule } from '../../website/src/lib/playground/catalog.js';
import { loadSplit, networkSpec, optimizerSpec, trainSeed } from '../../website/src/lib/playground/run.js';
import type { ActivationChoice, Settings } from '../../website/src/lib/playground/settings.js';

/** The catalog the site builds for the page, from the module. */
export const CATALOG = catalogFromModule();

/** `id` with its defaults, or with `params` resolved by the function itself: a RangeError for an impossible combination. */
export function choiceOf(id: ActivationId, params?: Record<string, number | string>): ActivationChoice {
  return { id, params: activations[id]!.resolveParams(params) };
}

/** `id` with every parameter off its default where it can be (the middle of its range, its last choice); the defaults if that combination is impossible. */
export function offDefault(id: ActivationId): ActivationChoice {
  const a = activations[id]!;
  const params: Record<string, number | string> = {};
  for (const p of a.params) {
    if (p.choices) params[p.name] = p.choices[p.choices.length - 1]!;
    else if (p.range) params[p.name] = (p.range[0] + p.range[1]) / 2;
  }
  try {
    return choiceOf(id, params);
  } catch {
    return choiceOf(id);
  }
}

export interface Reference {
  /** Mean loss over the whole training set and the test set after `steps`, and the last batch's loss (null at step 0). */
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly batchLoss: number | null;
}

/** `train()` of src/experiments for `steps` on the setting's data, seeds and network, with `choice` as the activation. */
export function referenceRun(s: Settings, choice: ActivationChoice, steps: number): Reference {
  const split = loadSplit(s);
  const rng = createRandom(trainSeed(s));
  const net = createNetwork(networkSpec(s, choice, split), rng);
  const losses = train({ net, train: split.train, steps, batchSize: s.batchSize, optimizer: optimizerSpec(s), rng });
  return { trainLoss: evaluate(net, split.train).loss, testLoss: evaluate(net, split.test).loss, batchLoss: steps ? losses[steps - 1]! : null };
}
