import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isReferenceKey, referenceKeys, references, referenceSources, type CslItem } from '../src/references.js';

/**
 * The metadata as verified by hand against the sources listed in referenceSources (typed here
 * again, not read from the module): title, authors (family, given) in the paper's order, year,
 * CSL type, DOI where one is registered, arXiv id for preprints.
 */
interface Verified {
  readonly type: CslItem['type'];
  readonly title: string;
  readonly authors: readonly (readonly [family: string, given: string])[];
  readonly year: number;
  readonly doi?: string;
  readonly arxiv?: string;
  readonly venue?: RegExp;
}

const VERIFIED: Readonly<Record<string, Verified>> = {
  rumelhart1986backprop: {
    type: 'article-journal',
    title: 'Learning representations by back-propagating errors',
    authors: [
      ['Rumelhart', 'David E.'],
      ['Hinton', 'Geoffrey E.'],
      ['Williams', 'Ronald J.'],
    ],
    year: 1986,
    doi: '10.1038/323533a0',
    venue: /^Nature$/,
  },
  bridle1990softmax: {
    type: 'chapter',
    title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
    authors: [['Bridle', 'John S.']],
    year: 1990,
    doi: '10.1007/978-3-642-76153-9_28',
    venue: /^Neurocomputing: Algorithms, Architectures and Applications$/,
  },
  donoho1994ideal: {
    type: 'article-journal',
    title: 'Ideal spatial adaptation by wavelet shrinkage',
    authors: [
      ['Donoho', 'David L.'],
      ['Johnstone', 'Iain M.'],
    ],
    year: 1994,
    doi: '10.1093/biomet/81.3.425',
    venue: /^Biometrika$/,
  },
  donoho1995softthreshold: {
    type: 'article-journal',
    title: 'De-noising by soft-thresholding',
    authors: [['Donoho', 'David L.']],
    year: 1995,
    doi: '10.1109/18.382009',
    venue: /^IEEE Transactions on Information Theory$/,
  },
  lecun1998efficient: {
    type: 'chapter',
    title: 'Efficient BackProp',
    authors: [
      ['LeCun', 'Yann'],
      ['Bottou', 'Léon'],
      ['Orr', 'Genevieve B.'],
      ['Müller', 'Klaus-Robert'],
    ],
    year: 1998,
    doi: '10.1007/3-540-49430-8_2',
    venue: /^Neural Networks: Tricks of the Trade$/,
  },
  dugas2001softplus: {
    type: 'paper-conference',
    title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing',
    authors: [
      ['Dugas', 'Charles'],
      ['Bengio', 'Yoshua'],
      ['Bélisle', 'François'],
      ['Nadeau', 'Claude'],
      ['Garcia', 'René'],
    ],
    year: 2001,
    venue: /^Advances in Neural Information Processing Systems$/,
  },
  collobert2004thesis: {
    type: 'thesis',
    title: 'Large Scale Machine Learning',
    authors: [['Collobert', 'Ronan']],
    year: 2004,
  },
  bergstra2009quadratic: {
    type: 'report',
    title: 'Quadratic polynomials learn better image features',
    authors: [
      ['Bergstra', 'James'],
      ['Desjardins', 'Guillaume'],
      ['Lamblin', 'Pascal'],
      ['Bengio', 'Yoshua'],
    ],
    year: 2009,
  },
  glorot2010understanding: {
    type: 'paper-conference',
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    authors: [
      ['Glorot', 'Xavier'],
      ['Bengio', 'Yoshua'],
    ],
    year: 2010,
    venue: /^Proceedings of the Thirteenth International Conference on Artificial Intelligence and Statistics$/,
  },
  turian2009softsign: {
    type: 'paper-conference',
    title: 'Quadratic Features and Deep Architectures for Chunking',
    authors: [
      ['Turian', 'Joseph'],
      ['Bergstra', 'James'],
      ['Bengio', 'Yoshua'],
    ],
    year: 2009,
    venue: /North American Chapter of the Association for Computational Linguistics, Companion Volume: Short Papers$/,
  },
  nair2010relu: {
    type: 'paper-conference',
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    authors: [
      ['Nair', 'Vinod'],
      ['Hinton', 'Geoffrey E.'],
    ],
    year: 2010,
    venue: /^Proceedings of the 27th International Conference on Machine Learning \(ICML-10\)$/,
  },
  krizhevsky2010relu6: {
    type: 'manuscript',
    title: 'Convolutional Deep Belief Networks on CIFAR-10',
    authors: [['Krizhevsky', 'Alex']],
    year: 2010,
  },
  glorot2011deep: {
    type: 'paper-conference',
    title: 'Deep Sparse Rectifier Neural Networks',
    authors: [
      ['Glorot', 'Xavier'],
      ['Bordes', 'Antoine'],
      ['Bengio', 'Yoshua'],
    ],
    year: 2011,
    venue: /^Proceedings of the Fourteenth International Conference on Artificial Intelligence and Statistics$/,
  },
  maas2013rectifier: {
    type: 'paper-conference',
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    authors: [
      ['Maas', 'Andrew L.'],
      ['Hannun', 'Awni Y.'],
      ['Ng', 'Andrew Y.'],
    ],
    year: 2013,
    venue: /^ICML Workshop on Deep Learning for Audio, Speech and Language Processing$/,
  },
  he2015delving: {
    type: 'paper-conference',
    title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    authors: [
      ['He', 'Kaiming'],
      ['Zhang', 'Xiangyu'],
      ['Ren', 'Shaoqing'],
      ['Sun', 'Jian'],
    ],
    year: 2015,
    doi: '10.1109/ICCV.2015.123',
    venue: /^2015 IEEE International Conference on Computer Vision \(ICCV\)$/,
  },
  xu2015empirical: {
    type: 'article',
    title: 'Empirical Evaluation of Rectified Activations in Convolutional Network',
    authors: [
      ['Xu', 'Bing'],
      ['Wang', 'Naiyan'],
      ['Chen', 'Tianqi'],
      ['Li', 'Mu'],
    ],
    year: 2015,
    arxiv: '1505.00853',
  },
  clevert2016elu: {
    type: 'paper-conference',
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    authors: [
      ['Clevert', 'Djork-Arné'],
      ['Unterthiner', 'Thomas'],
      ['Hochreiter', 'Sepp'],
    ],
    year: 2016,
    venue: /^4th International Conference on Learning Representations \(ICLR 2016\)/,
  },
  hendrycks2016gelu: {
    type: 'article',
    title: 'Gaussian Error Linear Units (GELUs)',
    authors: [
      ['Hendrycks', 'Dan'],
      ['Gimpel', 'Kevin'],
    ],
    year: 2016,
    arxiv: '1606.08415',
  },
  klambauer2017selu: {
    type: 'paper-conference',
    title: 'Self-Normalizing Neural Networks',
    authors: [
      ['Klambauer', 'Günter'],
      ['Unterthiner', 'Thomas'],
      ['Mayr', 'Andreas'],
      ['Hochreiter', 'Sepp'],
    ],
    year: 2017,
    venue: /^Advances in Neural Information Processing Systems$/,
  },
  barron2017celu: {
    type: 'article',
    title: 'Continuously Differentiable Exponential Linear Units',
    authors: [['Barron', 'Jonathan T.']],
    year: 2017,
    arxiv: '1704.07483',
  },
  elfwing2018silu: {
    type: 'article-journal',
    title: 'Sigmoid-weighted linear units for neural network function approximation in reinforcement learning',
    authors: [
      ['Elfwing', 'Stefan'],
      ['Uchibe', 'Eiji'],
      ['Doya', 'Kenji'],
    ],
    year: 2018,
    doi: '10.1016/j.neunet.2017.12.012',
    venue: /^Neural Networks$/,
  },
  ramachandran2017swish: {
    type: 'paper-conference',
    title: 'Searching for Activation Functions',
    authors: [
      ['Ramachandran', 'Prajit'],
      ['Zoph', 'Barret'],
      ['Le', 'Quoc V.'],
    ],
    year: 2018,
    venue: /^6th International Conference on Learning Representations \(ICLR 2018\), Workshop Track$/,
  },
  misra2019mish: {
    type: 'article',
    title: 'Mish: A Self Regularized Non-Monotonic Activation Function',
    authors: [['Misra', 'Diganta']],
    year: 2019,
    arxiv: '1908.08681',
  },
  howard2019mobilenetv3: {
    type: 'paper-conference',
    title: 'Searching for MobileNetV3',
    authors: [
      ['Howard', 'Andrew'],
      ['Sandler', 'Mark'],
      ['Chu', 'Grace'],
      ['Chen', 'Liang-Chieh'],
      ['Chen', 'Bo'],
      ['Tan', 'Mingxing'],
      ['Wang', 'Weijun'],
      ['Zhu', 'Yukun'],
      ['Pang', 'Ruoming'],
      ['Vasudevan', 'Vijay'],
      ['Le', 'Quoc V.'],
      ['Adam', 'Hartwig'],
    ],
    year: 2019,
    doi: '10.1109/ICCV.2019.00140',
    venue: /^2019 IEEE\/CVF International Conference on Computer Vision \(ICCV\)$/,
  },
};

/** The project's fixed cite keys (shared brief), typed here independently of the module. */
const FIXED_KEYS = [
  'nair2010relu',
  'maas2013rectifier',
  'he2015delving',
  'xu2015empirical',
  'krizhevsky2010relu6',
  'clevert2016elu',
  'klambauer2017selu',
  'barron2017celu',
  'dugas2001softplus',
  'glorot2011deep',
  'misra2019mish',
  'hendrycks2016gelu',
  'elfwing2018silu',
  'ramachandran2017swish',
  'howard2019mobilenetv3',
  'rumelhart1986backprop',
  'lecun1998efficient',
  'turian2009softsign',
  'collobert2004thesis',
  'donoho1995softthreshold',
  'donoho1994ideal',
  'bridle1990softmax',
  'glorot2010understanding',
  'bergstra2009quadratic',
];

const WALKTHROUGH = {
  ReLU: 'nair2010relu',
  'Leaky ReLU': 'maas2013rectifier',
  ELU: 'clevert2016elu',
  Mish: 'misra2019mish',
  GELU: 'hendrycks2016gelu',
  SELU: 'klambauer2017selu',
  Swish: 'ramachandran2017swish',
};

const DOI = /^10\.\d{4,9}\/\S+$/;

function item(key: string): CslItem {
  const found = references[key];
  assert.ok(found, `references has no entry for ${key}`);
  return found;
}

function year(entry: CslItem): number | undefined {
  return entry.issued['date-parts'][0][0];
}

describe('references', () => {
  test('the keys are exactly the fixed cite keys of the project', () => {
    assert.deepEqual([...referenceKeys].sort(), [...FIXED_KEYS].sort());
    assert.deepEqual(Object.keys(references).sort(), [...FIXED_KEYS].sort());
  });

  test('every item id equals its key', () => {
    for (const key of referenceKeys) assert.equal(item(key).id, key, `id of ${key}`);
  });

  test('the seven walkthrough papers are present with the expected first author and year', () => {
    const expected: Record<string, readonly [string, number]> = {
      ReLU: ['Nair', 2010],
      'Leaky ReLU': ['Maas', 2013],
      ELU: ['Clevert', 2016],
      Mish: ['Misra', 2019],
      GELU: ['Hendrycks', 2016],
      SELU: ['Klambauer', 2017],
      Swish: ['Ramachandran', 2018],
    };
    for (const [fn, key] of Object.entries(WALKTHROUGH)) {
      const entry = item(key);
      const [family, y] = expected[fn]!;
      assert.equal(entry.author[0]?.family, family, `${fn} (${key}): first author`);
      assert.equal(year(entry), y, `${fn} (${key}): year`);
    }
  });

  for (const [key, v] of Object.entries(VERIFIED)) {
    test(`${key} matches the verified title, authors, year, type, DOI and venue`, () => {
      const entry = item(key);
      assert.equal(entry.type, v.type, `${key}: type`);
      assert.equal(entry.title, v.title, `${key}: title`);
      assert.deepEqual(
        entry.author.map((a) => [a.family, a.given]),
        v.authors.map(([f, g]) => [f, g]),
        `${key}: authors`,
      );
      assert.equal(year(entry), v.year, `${key}: year`);
      assert.equal(entry.DOI, v.doi, `${key}: DOI`);
      if (v.venue) assert.match(entry['container-title'] ?? '', v.venue, `${key}: venue`);
      if (v.arxiv) {
        assert.equal(entry.number, `arXiv:${v.arxiv}`, `${key}: arXiv id in number`);
        assert.equal(entry.URL, `https://arxiv.org/abs/${v.arxiv}`, `${key}: arXiv abstract URL`);
        assert.equal(entry.publisher, 'arXiv', `${key}: publisher`);
      }
    });
  }

  test('the verified table covers every key', () => {
    assert.deepEqual(Object.keys(VERIFIED).sort(), [...referenceKeys].sort());
  });

  test('every DOI is a real-looking DOI, never a placeholder', () => {
    for (const key of referenceKeys) {
      const doi = item(key).DOI;
      if (doi === undefined) continue;
      assert.match(doi, DOI, `${key}: DOI ${doi}`);
      // 10.5555 is the ACM Digital Library's placeholder prefix, not a registered DOI.
      assert.doesNotMatch(doi, /^10\.5555\/|x{3,}|0000\/|example/i, `${key}: placeholder DOI ${doi}`);
    }
  });

  test('exactly the items published with a DOI have one', () => {
    const withDoi = referenceKeys.filter((k) => item(k).DOI !== undefined).sort();
    const expected = Object.entries(VERIFIED)
      .filter(([, v]) => v.doi !== undefined)
      .map(([k]) => k)
      .sort();
    assert.deepEqual(withDoi, expected);
  });

  test('every arXiv preprint (CSL type "article") carries its identifier', () => {
    const preprints = referenceKeys.filter((k) => item(k).type === 'article');
    assert.deepEqual(preprints.sort(), ['barron2017celu', 'hendrycks2016gelu', 'misra2019mish', 'xu2015empirical']);
    for (const key of preprints) {
      const entry = item(key);
      const id = /^arXiv:(\d{4}\.\d{4,5})$/.exec(entry.number ?? '')?.[1];
      assert.ok(id, `${key}: number ${entry.number} is not arXiv:<id>`);
      assert.ok(entry.URL.endsWith(id), `${key}: URL ${entry.URL} does not end with ${id}`);
    }
  });

  test('workshop papers are filed under their workshop, not the main conference', () => {
    assert.match(item('maas2013rectifier')['container-title'] ?? '', /Workshop/);
    assert.match(item('ramachandran2017swish')['container-title'] ?? '', /Workshop Track/);
    assert.equal(year(item('ramachandran2017swish')), 2018);
  });

  test('every item has a URL, a four-digit year and well-formed pages', () => {
    for (const key of referenceKeys) {
      const entry = item(key);
      assert.match(entry.URL, /^https?:\/\/\S+$/, `${key}: URL`);
      const parts = entry.issued['date-parts'][0];
      assert.ok(parts.length >= 1 && parts.length <= 3, `${key}: date-parts ${JSON.stringify(parts)}`);
      assert.ok(Number.isInteger(parts[0]) && parts[0]! >= 1900 && parts[0]! <= 2026, `${key}: year ${parts[0]}`);
      if (parts[1] !== undefined) assert.ok(parts[1] >= 1 && parts[1] <= 12, `${key}: month ${parts[1]}`);
      if (entry.page !== undefined) {
        const m = /^(\d+)-(\d+)$/.exec(entry.page);
        assert.ok(m, `${key}: page ${entry.page} is not first-last`);
        assert.ok(Number(m[1]) < Number(m[2]), `${key}: page range ${entry.page}`);
      }
    }
  });

  test('names are split into family and given, without stray spaces', () => {
    for (const key of referenceKeys) {
      for (const name of [...item(key).author, ...(item(key).editor ?? [])]) {
        for (const part of [name.family, name.given]) {
          assert.ok(part.length > 0 && part === part.trim() && !/\s{2}/.test(part), `${key}: name part ${JSON.stringify(part)}`);
        }
      }
    }
  });

  test('references are listed oldest first', () => {
    const years = referenceKeys.map((k) => year(item(k))!);
    for (let i = 1; i < years.length; i++) {
      assert.ok(years[i]! >= years[i - 1]!, `${referenceKeys[i]} (${years[i]}) comes after ${referenceKeys[i - 1]} (${years[i - 1]})`);
    }
  });

  test('the bibliography is frozen all the way down', () => {
    assert.ok(Object.isFrozen(references));
    for (const key of referenceKeys) {
      const entry = item(key);
      assert.ok(Object.isFrozen(entry), `${key}`);
      assert.ok(Object.isFrozen(entry.author) && entry.author.every((a) => Object.isFrozen(a)), `${key}: authors`);
      assert.ok(Object.isFrozen(entry.issued['date-parts'][0]), `${key}: date`);
    }
    assert.throws(() => {
      (references.nair2010relu as { title: string }).title = 'x';
    }, TypeError);
  });

  test('isReferenceKey accepts the keys and nothing else', () => {
    for (const key of FIXED_KEYS) assert.ok(isReferenceKey(key), key);
    for (const bad of ['', 'nair2010', 'toString', '__proto__', 42, null, undefined]) assert.equal(isReferenceKey(bad), false, String(bad));
  });
});

describe('referenceSources', () => {
  test('every key says which record it describes and what confirmed it', () => {
    assert.deepEqual(Object.keys(referenceSources).sort(), [...referenceKeys].sort());
    for (const key of referenceKeys) {
      const s = referenceSources[key];
      assert.match(s.record, /^https?:\/\//, `${key}: record`);
      assert.equal(typeof s.recordRead, 'boolean', `${key}: recordRead`);
      assert.ok(s.checked.length > 0, `${key}: nothing checked`);
      for (const c of s.checked) {
        assert.ok(c.source.length > 0 && c.confirms.length > 0, `${key}: empty check`);
      }
      assert.ok(Array.isArray(s.notes), `${key}: notes`);
    }
  });

  test('a DOI record points at the DOI the item carries', () => {
    for (const key of referenceKeys) {
      const record = referenceSources[key].record;
      if (!record.startsWith('https://doi.org/')) continue;
      assert.equal(record.slice('https://doi.org/'.length), item(key).DOI, `${key}: record ${record}`);
    }
  });

  test('unconfirmed or corrected points are flagged where the brief asked', () => {
    const notes = (key: keyof typeof referenceSources) => referenceSources[key].notes.join(' ');
    assert.match(notes('maas2013rectifier'), /workshop/i);
    assert.match(notes('ramachandran2017swish'), /Workshop Track/);
    assert.match(notes('misra2019mish'), /BMVC 2020/);
    assert.match(notes('krizhevsky2010relu6'), /unpublished manuscript/i);
    assert.match(notes('collobert2004thesis'), /Paris VI/);
    assert.match(notes('dugas2001softplus'), /2001/);
  });
});
