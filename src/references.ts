/**
 * The bibliography: one CSL-JSON item per cite key, in the form citation-js reads (`src/cite.ts`
 * turns them into BibTeX, APA and IEEE). Activation files name these keys in `papers`.
 *
 * Every field was checked against a page that shows the paper's metadata; `referenceSources` says
 * which page confirmed which fields and flags what no primary source confirmed. Rules kept here:
 * titles, author order and spelling (diacritics included) are the paper's own; a workshop paper is
 * filed under its workshop; a DOI appears only where the publisher registered one (proceedings of
 * ICML, NeurIPS and ICLR have none, and the `10.5555/…` identifiers some sites show for ICML and
 * NeurIPS papers are ACM placeholders, not registered DOIs); arXiv preprints carry their identifier
 * in `number` ("arXiv:<id>") and `URL`.
 */

/** The CSL item types this bibliography uses. */
export type CslItemType = 'article' | 'article-journal' | 'chapter' | 'manuscript' | 'paper-conference' | 'report' | 'thesis';

/** An author's name as CSL-JSON writes it: family and given names apart, so each style can order and abbreviate them. */
export interface CslName {
  readonly family: string;
  readonly given: string;
}

/** A CSL date: `[[year]]`, `[[year, month]]` or `[[year, month, day]]`. */
export interface CslDate {
  readonly 'date-parts': readonly [readonly number[]];
}

/** The subset of CSL-JSON 1.0 used here; names follow the CSL specification exactly. */
export interface CslItem {
  /** Equal to the cite key. */
  readonly id: string;
  readonly type: CslItemType;
  readonly title: string;
  readonly author: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly issued: CslDate;
  /** Journal, proceedings or book the item appears in. */
  readonly 'container-title'?: string;
  /** Book series, e.g. Lecture Notes in Computer Science. */
  readonly 'collection-title'?: string;
  readonly 'collection-number'?: string;
  readonly 'event-place'?: string;
  readonly 'event-date'?: CslDate;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly volume?: string;
  readonly issue?: string;
  /** Page range with a hyphen, e.g. `533-536`. */
  readonly page?: string;
  /** For arXiv preprints: `arXiv:<id>`; for a report: its number in the institution's series. */
  readonly number?: string;
  /** Kind of thesis, report or manuscript, e.g. `PhD thesis`, `Technical Report`. */
  readonly genre?: string;
  readonly DOI?: string;
  readonly ISSN?: string;
  /** The paper's own page (publisher, proceedings, arXiv abstract, or author page). */
  readonly URL: string;
}

/** One page or search that confirmed part of an entry. */
export interface SourceCheck {
  /**
   * The address of the page that was read, or, for matches found by exact-text search in public
   * repositories (reference lists, BibTeX files, docstrings), a description of them: those matches
   * carry no address.
   */
  readonly source: string;
  readonly confirms: string;
}

/** How one entry of `references` was checked: the paper's own record and what else confirmed it. */
export interface ReferenceSource {
  /** The paper's own record: publisher or DOI page, proceedings page, arXiv abstract, author page. */
  readonly record: string;
  /**
   * True when that record itself (or a verbatim copy of it) was read; false when only faithful
   * copies of its metadata were (abstracting services, reference lists, BibTeX exports).
   */
  readonly recordRead: boolean;
  readonly checked: readonly SourceCheck[];
  /** Decisions taken, and anything no primary source confirmed. */
  readonly notes: readonly string[];
}

const REFERENCES = {
  rumelhart1986backprop: {
    id: 'rumelhart1986backprop',
    type: 'article-journal',
    title: 'Learning representations by back-propagating errors',
    author: [
      { family: 'Rumelhart', given: 'David E.' },
      { family: 'Hinton', given: 'Geoffrey E.' },
      { family: 'Williams', given: 'Ronald J.' },
    ],
    'container-title': 'Nature',
    volume: '323',
    issue: '6088',
    page: '533-536',
    issued: { 'date-parts': [[1986, 10]] },
    DOI: '10.1038/323533a0',
    URL: 'https://www.nature.com/articles/323533a0',
  },
  bridle1990softmax: {
    id: 'bridle1990softmax',
    type: 'chapter',
    title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
    author: [{ family: 'Bridle', given: 'John S.' }],
    editor: [
      { family: 'Fogelman Soulié', given: 'Françoise' },
      { family: 'Hérault', given: 'Jeanny' },
    ],
    'container-title': 'Neurocomputing: Algorithms, Architectures and Applications',
    'collection-title': 'NATO ASI Series F: Computer and Systems Sciences',
    'collection-number': '68',
    page: '227-236',
    publisher: 'Springer',
    'publisher-place': 'Berlin, Heidelberg',
    issued: { 'date-parts': [[1990]] },
    DOI: '10.1007/978-3-642-76153-9_28',
    URL: 'https://link.springer.com/chapter/10.1007/978-3-642-76153-9_28',
  },
  donoho1994ideal: {
    id: 'donoho1994ideal',
    type: 'article-journal',
    title: 'Ideal spatial adaptation by wavelet shrinkage',
    author: [
      { family: 'Donoho', given: 'David L.' },
      { family: 'Johnstone', given: 'Iain M.' },
    ],
    'container-title': 'Biometrika',
    volume: '81',
    issue: '3',
    page: '425-455',
    issued: { 'date-parts': [[1994]] },
    DOI: '10.1093/biomet/81.3.425',
    URL: 'https://doi.org/10.1093/biomet/81.3.425',
  },
  donoho1995softthreshold: {
    id: 'donoho1995softthreshold',
    type: 'article-journal',
    title: 'De-noising by soft-thresholding',
    author: [{ family: 'Donoho', given: 'David L.' }],
    'container-title': 'IEEE Transactions on Information Theory',
    volume: '41',
    issue: '3',
    page: '613-627',
    issued: { 'date-parts': [[1995, 5]] },
    DOI: '10.1109/18.382009',
    URL: 'https://doi.org/10.1109/18.382009',
  },
  lecun1998efficient: {
    id: 'lecun1998efficient',
    type: 'chapter',
    title: 'Efficient BackProp',
    author: [
      { family: 'LeCun', given: 'Yann' },
      { family: 'Bottou', given: 'Léon' },
      { family: 'Orr', given: 'Genevieve B.' },
      { family: 'Müller', given: 'Klaus-Robert' },
    ],
    editor: [
      { family: 'Orr', given: 'Genevieve B.' },
      { family: 'Müller', given: 'Klaus-Robert' },
    ],
    'container-title': 'Neural Networks: Tricks of the Trade',
    'collection-title': 'Lecture Notes in Computer Science',
    'collection-number': '1524',
    page: '9-50',
    publisher: 'Springer',
    'publisher-place': 'Berlin, Heidelberg',
    issued: { 'date-parts': [[1998]] },
    DOI: '10.1007/3-540-49430-8_2',
    URL: 'https://link.springer.com/chapter/10.1007/3-540-49430-8_2',
  },
  dugas2001softplus: {
    id: 'dugas2001softplus',
    type: 'paper-conference',
    title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing',
    author: [
      { family: 'Dugas', given: 'Charles' },
      { family: 'Bengio', given: 'Yoshua' },
      { family: 'Bélisle', given: 'François' },
      { family: 'Nadeau', given: 'Claude' },
      { family: 'Garcia', given: 'René' },
    ],
    editor: [
      { family: 'Leen', given: 'Todd K.' },
      { family: 'Dietterich', given: 'Thomas G.' },
      { family: 'Tresp', given: 'Volker' },
    ],
    'container-title': 'Advances in Neural Information Processing Systems',
    volume: '13',
    page: '472-478',
    'event-place': 'Denver, CO, USA',
    'event-date': { 'date-parts': [[2000]] },
    publisher: 'MIT Press',
    'publisher-place': 'Cambridge, MA, USA',
    issued: { 'date-parts': [[2001]] },
    URL: 'https://proceedings.neurips.cc/paper/2000/hash/44968aece94f667e4095002d140b5896-Abstract.html',
  },
  collobert2004thesis: {
    id: 'collobert2004thesis',
    type: 'thesis',
    genre: 'PhD thesis',
    title: 'Large Scale Machine Learning',
    author: [{ family: 'Collobert', given: 'Ronan' }],
    publisher: 'Université Paris VI',
    issued: { 'date-parts': [[2004]] },
    URL: 'http://ronan.collobert.com/pub/2004_phdthesis_lip6.html',
  },
  turian2009softsign: {
    id: 'turian2009softsign',
    type: 'paper-conference',
    title: 'Quadratic Features and Deep Architectures for Chunking',
    author: [
      { family: 'Turian', given: 'Joseph' },
      { family: 'Bergstra', given: 'James' },
      { family: 'Bengio', given: 'Yoshua' },
    ],
    'container-title':
      'Proceedings of Human Language Technologies: The 2009 Annual Conference of the North American Chapter of the Association for Computational Linguistics, Companion Volume: Short Papers',
    page: '245-248',
    'event-place': 'Boulder, Colorado',
    publisher: 'Association for Computational Linguistics',
    issued: { 'date-parts': [[2009, 6]] },
    URL: 'https://aclanthology.org/N09-2062/',
  },
  bergstra2009quadratic: {
    id: 'bergstra2009quadratic',
    type: 'report',
    genre: 'Technical Report',
    title: 'Quadratic polynomials learn better image features',
    author: [
      { family: 'Bergstra', given: 'James' },
      { family: 'Desjardins', given: 'Guillaume' },
      { family: 'Lamblin', given: 'Pascal' },
      { family: 'Bengio', given: 'Yoshua' },
    ],
    number: '1337',
    publisher: "Département d'Informatique et de Recherche Opérationnelle, Université de Montréal",
    issued: { 'date-parts': [[2009]] },
    URL: 'http://www.iro.umontreal.ca/~lisa/publications2/index.php/attachments/single/205',
  },
  glorot2010understanding: {
    id: 'glorot2010understanding',
    type: 'paper-conference',
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    author: [
      { family: 'Glorot', given: 'Xavier' },
      { family: 'Bengio', given: 'Yoshua' },
    ],
    editor: [
      { family: 'Teh', given: 'Yee Whye' },
      { family: 'Titterington', given: 'Mike' },
    ],
    'container-title': 'Proceedings of the Thirteenth International Conference on Artificial Intelligence and Statistics',
    'collection-title': 'Proceedings of Machine Learning Research',
    volume: '9',
    page: '249-256',
    'event-place': 'Chia Laguna Resort, Sardinia, Italy',
    publisher: 'PMLR',
    issued: { 'date-parts': [[2010, 5]] },
    URL: 'https://proceedings.mlr.press/v9/glorot10a.html',
  },
  nair2010relu: {
    id: 'nair2010relu',
    type: 'paper-conference',
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    author: [
      { family: 'Nair', given: 'Vinod' },
      { family: 'Hinton', given: 'Geoffrey E.' },
    ],
    editor: [
      { family: 'Fürnkranz', given: 'Johannes' },
      { family: 'Joachims', given: 'Thorsten' },
    ],
    'container-title': 'Proceedings of the 27th International Conference on Machine Learning (ICML-10)',
    'event-place': 'Haifa, Israel',
    publisher: 'Omnipress',
    page: '807-814',
    issued: { 'date-parts': [[2010, 6]] },
    URL: 'https://icml.cc/Conferences/2010/papers/432.pdf',
  },
  krizhevsky2010relu6: {
    id: 'krizhevsky2010relu6',
    type: 'manuscript',
    genre: 'Unpublished manuscript',
    title: 'Convolutional Deep Belief Networks on CIFAR-10',
    author: [{ family: 'Krizhevsky', given: 'Alex' }],
    publisher: 'University of Toronto',
    issued: { 'date-parts': [[2010, 8]] },
    URL: 'https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf',
  },
  glorot2011deep: {
    id: 'glorot2011deep',
    type: 'paper-conference',
    title: 'Deep Sparse Rectifier Neural Networks',
    author: [
      { family: 'Glorot', given: 'Xavier' },
      { family: 'Bordes', given: 'Antoine' },
      { family: 'Bengio', given: 'Yoshua' },
    ],
    editor: [
      { family: 'Gordon', given: 'Geoffrey' },
      { family: 'Dunson', given: 'David' },
      { family: 'Dudík', given: 'Miroslav' },
    ],
    'container-title': 'Proceedings of the Fourteenth International Conference on Artificial Intelligence and Statistics',
    'collection-title': 'Proceedings of Machine Learning Research',
    volume: '15',
    page: '315-323',
    'event-place': 'Fort Lauderdale, FL, USA',
    publisher: 'PMLR',
    issued: { 'date-parts': [[2011, 4]] },
    URL: 'https://proceedings.mlr.press/v15/glorot11a.html',
  },
  maas2013rectifier: {
    id: 'maas2013rectifier',
    type: 'paper-conference',
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    author: [
      { family: 'Maas', given: 'Andrew L.' },
      { family: 'Hannun', given: 'Awni Y.' },
      { family: 'Ng', given: 'Andrew Y.' },
    ],
    'container-title': 'ICML Workshop on Deep Learning for Audio, Speech and Language Processing',
    issued: { 'date-parts': [[2013]] },
    URL: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
  },
  he2015delving: {
    id: 'he2015delving',
    type: 'paper-conference',
    title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    author: [
      { family: 'He', given: 'Kaiming' },
      { family: 'Zhang', given: 'Xiangyu' },
      { family: 'Ren', given: 'Shaoqing' },
      { family: 'Sun', given: 'Jian' },
    ],
    'container-title': '2015 IEEE International Conference on Computer Vision (ICCV)',
    page: '1026-1034',
    publisher: 'IEEE',
    issued: { 'date-parts': [[2015]] },
    DOI: '10.1109/ICCV.2015.123',
    URL: 'https://openaccess.thecvf.com/content_iccv_2015/papers/He_Delving_Deep_into_ICCV_2015_paper.pdf',
  },
  xu2015empirical: {
    id: 'xu2015empirical',
    type: 'article',
    title: 'Empirical Evaluation of Rectified Activations in Convolutional Network',
    author: [
      { family: 'Xu', given: 'Bing' },
      { family: 'Wang', given: 'Naiyan' },
      { family: 'Chen', given: 'Tianqi' },
      { family: 'Li', given: 'Mu' },
    ],
    publisher: 'arXiv',
    number: 'arXiv:1505.00853',
    issued: { 'date-parts': [[2015, 5]] },
    URL: 'https://arxiv.org/abs/1505.00853',
  },
  clevert2016elu: {
    id: 'clevert2016elu',
    type: 'paper-conference',
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    author: [
      { family: 'Clevert', given: 'Djork-Arné' },
      { family: 'Unterthiner', given: 'Thomas' },
      { family: 'Hochreiter', given: 'Sepp' },
    ],
    editor: [
      { family: 'Bengio', given: 'Yoshua' },
      { family: 'LeCun', given: 'Yann' },
    ],
    'container-title': '4th International Conference on Learning Representations (ICLR 2016), Conference Track Proceedings',
    'event-place': 'San Juan, Puerto Rico',
    issued: { 'date-parts': [[2016, 5]] },
    URL: 'https://arxiv.org/abs/1511.07289',
  },
  hendrycks2016gelu: {
    id: 'hendrycks2016gelu',
    type: 'article',
    title: 'Gaussian Error Linear Units (GELUs)',
    author: [
      { family: 'Hendrycks', given: 'Dan' },
      { family: 'Gimpel', given: 'Kevin' },
    ],
    publisher: 'arXiv',
    number: 'arXiv:1606.08415',
    issued: { 'date-parts': [[2016, 6]] },
    URL: 'https://arxiv.org/abs/1606.08415',
  },
  klambauer2017selu: {
    id: 'klambauer2017selu',
    type: 'paper-conference',
    title: 'Self-Normalizing Neural Networks',
    author: [
      { family: 'Klambauer', given: 'Günter' },
      { family: 'Unterthiner', given: 'Thomas' },
      { family: 'Mayr', given: 'Andreas' },
      { family: 'Hochreiter', given: 'Sepp' },
    ],
    'container-title': 'Advances in Neural Information Processing Systems',
    volume: '30',
    page: '971-980',
    'event-place': 'Long Beach, CA, USA',
    publisher: 'Curran Associates, Inc.',
    issued: { 'date-parts': [[2017]] },
    URL: 'https://papers.nips.cc/paper/2017/hash/5d44ee6f2c3f71b73125876103c8f6c4-Abstract.html',
  },
  barron2017celu: {
    id: 'barron2017celu',
    type: 'article',
    title: 'Continuously Differentiable Exponential Linear Units',
    author: [{ family: 'Barron', given: 'Jonathan T.' }],
    publisher: 'arXiv',
    number: 'arXiv:1704.07483',
    issued: { 'date-parts': [[2017, 4]] },
    URL: 'https://arxiv.org/abs/1704.07483',
  },
  elfwing2018silu: {
    id: 'elfwing2018silu',
    type: 'article-journal',
    title: 'Sigmoid-weighted linear units for neural network function approximation in reinforcement learning',
    author: [
      { family: 'Elfwing', given: 'Stefan' },
      { family: 'Uchibe', given: 'Eiji' },
      { family: 'Doya', given: 'Kenji' },
    ],
    'container-title': 'Neural Networks',
    volume: '107',
    page: '3-11',
    issued: { 'date-parts': [[2018, 11]] },
    ISSN: '0893-6080',
    DOI: '10.1016/j.neunet.2017.12.012',
    URL: 'https://www.sciencedirect.com/science/article/pii/S0893608017302976',
  },
  ramachandran2017swish: {
    id: 'ramachandran2017swish',
    type: 'paper-conference',
    title: 'Searching for Activation Functions',
    author: [
      { family: 'Ramachandran', given: 'Prajit' },
      { family: 'Zoph', given: 'Barret' },
      { family: 'Le', given: 'Quoc V.' },
    ],
    'container-title': '6th International Conference on Learning Representations (ICLR 2018), Workshop Track',
    'event-place': 'Vancouver, BC, Canada',
    publisher: 'OpenReview.net',
    issued: { 'date-parts': [[2018]] },
    URL: 'https://openreview.net/forum?id=Hkuq2EkPf',
  },
  misra2019mish: {
    id: 'misra2019mish',
    type: 'article',
    title: 'Mish: A Self Regularized Non-Monotonic Activation Function',
    author: [{ family: 'Misra', given: 'Diganta' }],
    publisher: 'arXiv',
    number: 'arXiv:1908.08681',
    issued: { 'date-parts': [[2019, 8]] },
    URL: 'https://arxiv.org/abs/1908.08681',
  },
  howard2019mobilenetv3: {
    id: 'howard2019mobilenetv3',
    type: 'paper-conference',
    title: 'Searching for MobileNetV3',
    author: [
      { family: 'Howard', given: 'Andrew' },
      { family: 'Sandler', given: 'Mark' },
      { family: 'Chu', given: 'Grace' },
      { family: 'Chen', given: 'Liang-Chieh' },
      { family: 'Chen', given: 'Bo' },
      { family: 'Tan', given: 'Mingxing' },
      { family: 'Wang', given: 'Weijun' },
      { family: 'Zhu', given: 'Yukun' },
      { family: 'Pang', given: 'Ruoming' },
      { family: 'Vasudevan', given: 'Vijay' },
      { family: 'Le', given: 'Quoc V.' },
      { family: 'Adam', given: 'Hartwig' },
    ],
    'container-title': '2019 IEEE/CVF International Conference on Computer Vision (ICCV)',
    page: '1314-1324',
    'event-place': 'Seoul, Korea (South)',
    publisher: 'IEEE',
    issued: { 'date-parts': [[2019]] },
    DOI: '10.1109/ICCV.2019.00140',
    URL: 'https://openaccess.thecvf.com/content_ICCV_2019/html/Howard_Searching_for_MobileNetV3_ICCV_2019_paper.html',
  },
} as const satisfies Record<string, CslItem>;

/** A cite key of this bibliography. */
export type ReferenceKey = keyof typeof REFERENCES;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every reference, keyed by cite key, oldest first. Frozen all the way down: copy an item before
 * handing it to a library that annotates its input (citation-js does).
 *
 * Indexing with a known key gives the item; with any other string the type says it may be missing.
 */
export const references: Readonly<Record<ReferenceKey, CslItem>> & Readonly<Record<string, CslItem | undefined>> = deepFreeze(REFERENCES);

/** The cite keys in the order of `references`. */
export const referenceKeys: readonly ReferenceKey[] = Object.freeze(Object.keys(REFERENCES) as ReferenceKey[]);

/**
 * "Maas et al. 2013", "Hendrycks & Gimpel 2016", "Misra 2019": how pages, tables and notebooks name
 * a paper in running text (one format everywhere). Throws a RangeError for an unknown key.
 */
export function shortCitation(key: string): string {
  const item = (REFERENCES as Readonly<Record<string, CslItem | undefined>>)[key];
  if (!item) throw new RangeError(`unknown reference key '${key}' (known: ${referenceKeys.join(', ')})`);
  const names = item.author.map((a) => a.family);
  const who = names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return `${who} ${item.issued['date-parts'][0][0]}`;
}

/**
 * True when `key` is a cite key of `references`; narrows a string from outside (a URL, a notebook
 * cell) to `ReferenceKey`.
 *
 * @example
 * ```ts
 * import { isReferenceKey, shortCitation } from 'activation-functions';
 *
 * const key: string = 'hendrycks2016gelu';
 * if (isReferenceKey(key)) shortCitation(key); // 'Hendrycks & Gimpel 2016'
 * ```
 */
export function isReferenceKey(key: unknown): key is ReferenceKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(REFERENCES, key);
}

/** What exact-text search in public repositories means in `referenceSources`. */
const TEXT_SEARCH = 'exact-text search in public repositories';

/**
 * For each key, the paper's own record, the pages its entry was checked against and what each
 * confirmed. Looked up on 2026-11-28 through stored copies of public pages (no live network here).
 */
export const referenceSources: Readonly<Record<ReferenceKey, ReferenceSource>> = deepFreeze({
  rumelhart1986backprop: {
    record: 'https://doi.org/10.1038/323533a0',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "10.1038/323533a0" (10 independent reference lists)`,
        confirms:
          'DOI; authors David E. Rumelhart, Geoffrey E. Hinton, Ronald J. Williams in that order; title; Nature 323(6088):533–536; published 9 October 1986',
      },
    ],
    notes: [
      'The nature.com page itself was not read; every copy agrees on DOI, issue 6088, pages and date.',
      'Cited for the logistic sigmoid as the unit of back-propagation networks; the function itself is older.',
    ],
  },
  lecun1998efficient: {
    record: 'https://doi.org/10.1007/3-540-49430-8_2',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "3-540-49430-8_2" (10 reference lists, several quoting the Springer record verbatim)`,
        confirms:
          'DOI; authors LeCun, Bottou, Orr, Müller in that order; title "Efficient BackProp"; in G. B. Orr & K.-R. Müller (Eds.), Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science vol. 1524, pp. 9–50, Springer, Berlin, Heidelberg, 1998',
      },
    ],
    notes: ['The Springer page itself was not read.'],
  },
  nair2010relu: {
    record: 'https://icml.cc/Conferences/2010/papers/432.pdf',
    recordRead: false,
    checked: [
      {
        source: 'https://mlanthology.org/icml/2010/nair2010icml-rectified',
        confirms: 'title; authors Vinod Nair, Geoffrey E. Hinton in that order; ICML 2010; pages 807–814',
      },
      {
        source: 'http://www.sciweavers.org/publications/rectified-linear-units-improve-restricted-boltzmann-machines',
        confirms: 'a conference paper of ICML 2010; authors',
      },
      {
        source: `${TEXT_SEARCH} for "Machine Learning (ICML-10)"`,
        confirms:
          'proceedings title "Proceedings of the 27th International Conference on Machine Learning (ICML-10)", Haifa, Israel, 21–24 June 2010, pp. 807–814 for this paper; editors J. Fürnkranz and T. Joachims and publisher Omnipress from the BibTeX of another paper in the same proceedings; the icml.cc URL of this paper',
      },
    ],
    notes: [
      'ICML 2010 is not in PMLR and has no DOI. Some sites show 10.5555/3104322.3104425: a placeholder of the ACM Digital Library, not a registered DOI, so none is given.',
      'The icml.cc PDF itself was not read.',
    ],
  },
  glorot2010understanding: {
    record: 'https://proceedings.mlr.press/v9/glorot10a.html',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "pmlr-v9-glorot10a" (a copy of the PMLR BibTeX export)`,
        confirms:
          'title; authors Xavier Glorot, Yoshua Bengio in that order; "Proceedings of the Thirteenth International Conference on Artificial Intelligence and Statistics", Proceedings of Machine Learning Research volume 9, pages 249–256, editors Yee Whye Teh and Mike Titterington, Chia Laguna Resort, Sardinia, Italy, 13–15 May 2010, publisher PMLR; the PMLR URL',
      },
      {
        source: `${TEXT_SEARCH} for "v9/glorot10a" (reference lists and TensorFlow's initializer docs)`,
        confirms: 'the same proceedings, PMLR volume 9, pages 249–256, from an independent reference list; the PMLR page and PDF URLs',
      },
      {
        source: `${TEXT_SEARCH} for "learn better image features"`,
        confirms: 'a text copy of the paper itself (sections, figures, Table 1 and reference list): title and authors as printed',
      },
      {
        source: 'http://www.shortscience.org/venue?key=journals/jmlr&year=2010',
        confirms: 'title; filed with JMLR (Workshop and Conference Proceedings) 2010; the jmlr.org PDF URL of volume 9',
      },
    ],
    notes: [
      'AISTATS 2010 appeared as volume 9 of JMLR Workshop and Conference Proceedings, now Proceedings of Machine Learning Research; it is given in its PMLR form, like glorot2011deep. The PMLR page itself was not read. No DOI exists.',
    ],
  },
  glorot2011deep: {
    record: 'https://proceedings.mlr.press/v15/glorot11a.html',
    recordRead: false,
    checked: [
      {
        source: 'http://jmlr.csail.mit.edu/proceedings/papers/v15/assets/bib/bibliography.bib',
        confirms:
          'the volume\'s own BibTeX: "Proceedings of the Fourteenth International Conference on Artificial Intelligence and Statistics", Proceedings of Machine Learning Research volume 15, editors Geoffrey Gordon, David Dunson, Miroslav Dudík, Fort Lauderdale, FL, USA, 11–13 April 2011, publisher PMLR',
      },
      {
        source: 'https://www.xiaomilidoc.com/p-11417431.html',
        confirms:
          'a text copy of the paper\'s PDF: title; authors Xavier Glorot, Antoine Bordes, Yoshua Bengio; first page 315; header "Proceedings of the 14th International Conference on Artificial Intelligence and Statistics (AISTATS) 2011, Fort Lauderdale, FL, USA. Volume 15 of JMLR: W&CP 15"',
      },
      { source: `${TEXT_SEARCH} for "v15/glorot11a"`, confirms: 'pages 315–323; the PMLR URL' },
    ],
    notes: ['The PMLR paper page itself was not read. No DOI exists.'],
  },
  maas2013rectifier: {
    record: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "Workshop on Deep Learning for Audio, Speech" and for "relu_hybrid_icml2013_final"`,
        confirms:
          'venue "ICML Workshop on Deep Learning for Audio, Speech and Language Processing", 2013; authors Andrew L. Maas, Awni Y. Hannun, Andrew Y. Ng in that order; title; the URL on the first author\'s Stanford page (also cited by Keras\'s LeakyReLU docs)',
      },
      { source: 'https://hackmd.io/@haohao123/r15Mz2iX3', confirms: 'title' },
    ],
    notes: [
      'A workshop paper, not part of the ICML 2013 proceedings (PMLR volume 28), although Google Scholar files it as "Proc. ICML 30(1)". No workshop programme page could be read, so the venue rests on the many reference lists that agree on it; the PDF itself was not read.',
      'No pages and no DOI exist.',
    ],
  },
  he2015delving: {
    record: 'https://doi.org/10.1109/ICCV.2015.123',
    recordRead: false,
    checked: [
      {
        source: 'https://citegraph.io/paper/573696f46e3b12023e5f0d4d',
        confirms: 'DOI 10.1109/ICCV.2015.123; venue ICCV 2015; authors Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun in that order',
      },
      {
        source: 'https://www.paperswithcode.com/paper/delving-deep-into-rectifiers-surpassing-human',
        confirms: 'title; authors; ICCV 2015',
      },
      {
        source: `${TEXT_SEARCH} for "ICCV.2015.123"`,
        confirms: 'proceedings title "2015 IEEE International Conference on Computer Vision (ICCV)"; pages 1026–1034; the CVF open-access PDF URL',
      },
    ],
    notes: ['Neither IEEE Xplore nor the CVF page was read. arXiv version: 1502.01852.'],
  },
  xu2015empirical: {
    record: 'https://arxiv.org/abs/1505.00853',
    recordRead: false,
    checked: [
      {
        source: 'https://paperswithcode.com/paper/empirical-evaluation-of-rectified-activations',
        confirms: 'a copy of the arXiv record: title; authors Bing Xu, Naiyan Wang, Tianqi Chen, Mu Li in that order; 5 May 2015; the abstract',
      },
      {
        source: 'https://tomesphere.com/paper/1505.00853',
        confirms: 'arXiv 1505.00853: title, the four authors in the same order, the abstract',
      },
      { source: 'https://www.scholarfeed.org/paper/1505.00853v2', confirms: 'a second arXiv version (v2) with the same abstract' },
      {
        source: `${TEXT_SEARCH} for "Empirical Evaluation of Rectified Activations"`,
        confirms: 'BibTeX exports and reference lists: "Xu, Bing and Wang, Naiyan and Chen, Tianqi and Li, Mu", arXiv preprint arXiv:1505.00853, 2015',
      },
      {
        source: "https://pytorch.org/docs/1.13/generated/torch.nn.RReLU.html (read as the docstring of Debian's python3-torch 1.13)",
        confirms: 'PyTorch cites this paper for RReLU, with the link https://arxiv.org/abs/1505.00853',
      },
    ],
    notes: [
      'Filed as the arXiv preprint it is. One reference list (a course page) cites it as "In ICML Deep Learning Workshop, 2015"; no workshop programme or proceedings confirmed that, so no workshop is named.',
      'The arXiv page and the PDF were not read: the abstract was read in the copies above, the body of the paper was not (its trade-off passages cite the abstract only).',
    ],
  },
  krizhevsky2010relu6: {
    record: 'https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf',
    recordRead: false,
    checked: [
      {
        source: 'https://paperexplained.cn/articles/paper/detail/bea5780d621e669e8069f05d0f2fc0db9df4b50f',
        confirms: 'title and abstract',
      },
      {
        source: `${TEXT_SEARCH} for "Convolutional deep belief networks on CIFAR-10"`,
        confirms:
          'TensorFlow\'s tf.nn.relu6 docs and other operator docs cite it as "Convolutional Deep Belief Networks on CIFAR-10. A. Krizhevsky" with the author\'s PDF; an abstracting page lists Alex Krizhevsky as sole author',
      },
    ],
    notes: [
      'Never published: an unpublished manuscript (CSL "manuscript", BibTeX @unpublished), with no report number. Dated August 2010 after its file name "conv-cifar10-aug2010"; the PDF itself was not read.',
      'Google Scholar adds G. Hinton as co-author and a spurious "40(7):1–9"; the sources above name Alex Krizhevsky alone, so he alone is listed.',
    ],
  },
  clevert2016elu: {
    record: 'https://arxiv.org/abs/1511.07289',
    recordRead: false,
    checked: [
      {
        source: 'https://shortscience.org/paper?a=guest&bibtexKey=journals%2Fcorr%2F1511.07289',
        confirms:
          'a copy of the arXiv record: title; authors Djork-Arné Clevert (with the accent), Thomas Unterthiner, Sepp Hochreiter; first version 23 November 2015',
      },
      {
        source: 'http://aminer.cn/pub/573696056e3b12023e519679/fast-and-accurate-deep-network-learning-by-exponential-linear-units-elus',
        confirms: 'published at the International Conference on Learning Representations, 2016',
      },
      {
        source: `${TEXT_SEARCH} for "ICLR 2016, San Juan, Puerto Rico, May 2-4, 2016"`,
        confirms:
          'venue in dblp form "4th International Conference on Learning Representations, ICLR 2016, San Juan, Puerto Rico, May 2-4, 2016, Conference Track Proceedings" (for this paper among others); editors Yoshua Bengio and Yann LeCun',
      },
    ],
    notes: ["ICLR 2016 papers have no pages, publisher or DOI; the arXiv abstract page is the paper's page."],
  },
  klambauer2017selu: {
    record: 'https://papers.nips.cc/paper/2017/hash/5d44ee6f2c3f71b73125876103c8f6c4-Abstract.html',
    recordRead: true,
    checked: [
      {
        source: 'https://papers.nips.cc/paper/2017/hash/5d44ee6f2c3f71b73125876103c8f6c4-Abstract.html',
        confirms:
          'title; authors Günter Klambauer, Thomas Unterthiner, Andreas Mayr, Sepp Hochreiter in that order; "Advances in Neural Information Processing Systems 30 (NIPS 2017)"',
      },
      {
        source: 'https://papers.neurips.cc/paper/2017/file/5d44ee6f2c3f71b73125876103c8f6c4-Metadata.json',
        confirms: 'book "Advances in Neural Information Processing Systems"; pages 971–980',
      },
      {
        source: 'https://papers.nips.cc/paper/2017/file/5d44ee6f2c3f71b73125876103c8f6c4-Reviews.html',
        confirms: 'NIPS 2017, 4–9 December 2017, Long Beach Convention Center',
      },
      {
        source: `${TEXT_SEARCH} for "Systems 30 (NIPS 2017). Curran"`,
        confirms: 'publisher Curran Associates, Inc. (reference lists of other papers of the same volume)',
      },
    ],
    notes: ['The volume editors are not given (not confirmed). No DOI exists. arXiv version: 1706.02515.'],
  },
  barron2017celu: {
    record: 'https://arxiv.org/abs/1704.07483',
    recordRead: false,
    checked: [
      {
        source: 'https://paperswithcode.com/paper/continuously-differentiable-exponential',
        confirms: 'title; sole author Jonathan T. Barron; 24 April 2017',
      },
      { source: 'https://emergentmind.com/papers/1704.07483', confirms: 'arXiv 1704.07483, published 24 April 2017, cs.LG' },
    ],
    notes: [
      "Only ever an arXiv preprint. arXiv's DataCite DOIs (10.48550/arXiv.<id>) are left out of every preprint here: the arXiv identifier is the citation, and none was read from a DOI record.",
    ],
  },
  dugas2001softplus: {
    record: 'https://proceedings.neurips.cc/paper/2000/hash/44968aece94f667e4095002d140b5896-Abstract.html',
    recordRead: true,
    checked: [
      {
        source: 'https://papers.neurips.cc/paper_files/paper/2000/file/44968aece94f667e4095002d140b5896-Metadata.json',
        confirms: 'title; book "Advances in Neural Information Processing Systems"; pages 472–478; the author line of the paper',
      },
      {
        source: 'https://aitopics.org/doc/nips:AC19F970',
        confirms: 'authors with diacritics, in order: Charles Dugas, Yoshua Bengio, François Bélisle, Claude Nadeau, René Garcia',
      },
      {
        source: `${TEXT_SEARCH} for "Processing Systems 13 (NIPS 2000)"`,
        confirms:
          'the volume "Advances in Neural Information Processing Systems 13 (NIPS 2000)", edited by T. K. Leen, T. G. Dietterich and V. Tresp, MIT Press, Cambridge, MA, USA, 2001; conference in Denver, CO, USA (reference lists of other papers of the same volume)',
      },
    ],
    notes: [
      "Conference held in 2000, volume printed in 2001: issued 2001 (hence the key), event-date 2000. The NeurIPS site files the paper under 2000, the conference year. The editors' given names are written out (Todd K. Leen, Thomas G. Dietterich, Volker Tresp); the sources give initials. No DOI exists.",
    ],
  },
  hendrycks2016gelu: {
    record: 'https://arxiv.org/abs/1606.08415',
    recordRead: false,
    checked: [
      {
        source: 'https://ui.adsabs.harvard.edu/abs/2016arXiv160608415H',
        confirms: 'the ADS record of the arXiv entry: title "Gaussian Error Linear Units (GELUs)"; arXiv:1606.08415; June 2016',
      },
      { source: 'https://tldr.takara.ai/p/1606.08415', confirms: 'authors Dan Hendrycks, Kevin Gimpel; first version 27 June 2016' },
    ],
    notes: [
      'Only ever an arXiv preprint. The first version had another title ("Bridging Nonlinearities and Stochastic Regularizers with Gaussian Error Linear Units"); the current title is used with the year of the first version, as arXiv citations do.',
    ],
  },
  elfwing2018silu: {
    record: 'https://doi.org/10.1016/j.neunet.2017.12.012',
    recordRead: false,
    checked: [
      {
        source:
          'https://www.bohrium.com/paper-details/sigmoid-weighted-linear-units-for-neural-network-function-approximation-in-reinforcement-learning/813066594082095105-2463',
        confirms: "title in the journal's sentence case; authors Stefan Elfwing, Eiji Uchibe, Kenji Doya; Neural Networks; 1 November 2018; DOI",
      },
      {
        source: `${TEXT_SEARCH} for "neunet.2017.12.012"`,
        confirms:
          'volume 107, pages 3–11, November 2018, ISSN 0893-6080, the ScienceDirect URL (reference lists, several quoting the ScienceDirect export verbatim, with its note "Special issue on deep reinforcement learning")',
      },
    ],
    notes: ['The ScienceDirect page itself was not read. arXiv version: 1702.03118 (title in title case there).'],
  },
  ramachandran2017swish: {
    record: 'https://openreview.net/forum?id=Hkuq2EkPf',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "Hkuq2EkPf"`,
        confirms:
          'venue in dblp form "6th International Conference on Learning Representations, ICLR 2018, Vancouver, BC, Canada, April 30 - May 3, 2018, Workshop Track Proceedings. OpenReview.net" with this OpenReview id; authors Prajit Ramachandran, Barret Zoph, Quoc V. Le; 2018',
      },
      {
        source: 'https://huggingface.co/datasets/taesiri/arxiv_db/blob/3f4a5908e52a76b8bf96421e8aa5ecc1a733c17b/papers/1710/1710.05941.tex',
        confirms: 'the LaTeX source of arXiv 1710.05941: title and author line',
      },
      { source: 'https://pith.science/ref/arxiv/1710.05941', confirms: 'arXiv 1710.05941 first submitted 16 October 2017' },
    ],
    notes: [
      'Filed under what it is: a paper of the ICLR 2018 Workshop Track (2018), not of the main conference. The key keeps "2017", the year of the arXiv preprint 1710.05941.',
      'The OpenReview page itself was not read. No pages and no DOI exist.',
    ],
  },
  misra2019mish: {
    record: 'https://arxiv.org/abs/1908.08681',
    recordRead: false,
    checked: [
      {
        source: 'https://ui.adsabs.harvard.edu/abs/2019arXiv190808681M/abstract',
        confirms: 'the ADS record of the arXiv entry: title; arXiv:1908.08681; August 2019; comment "Accepted to BMVC 2020"',
      },
      { source: 'https://huggingface.co/papers/1908.08681', confirms: 'published on arXiv 23 August 2019' },
      {
        source: 'https://docslib.org/doc/3322137/mish-a-self-regularized-non-monotonic-activation-function',
        confirms: 'a text copy of arXiv v3 (13 August 2020): title; sole author Diganta Misra',
      },
    ],
    notes: [
      'Cited in its arXiv form (2019), matching the key, everywhere in this project. The paper was also presented at BMVC 2020; that proceedings record was not read, so its form is not used.',
      'The first version was titled "Mish: A Self Regularized Non-Monotonic Neural Activation Function"; the current title is used.',
    ],
  },
  howard2019mobilenetv3: {
    record: 'https://openaccess.thecvf.com/content_ICCV_2019/html/Howard_Searching_for_MobileNetV3_ICCV_2019_paper.html',
    recordRead: true,
    checked: [
      {
        source: 'https://openaccess.thecvf.com/content_ICCV_2019/html/Howard_Searching_for_MobileNetV3_ICCV_2019_paper.html',
        confirms: 'a cached text copy of the CVF open-access paper: title and the twelve authors in the ICCV order',
      },
      {
        source: `${TEXT_SEARCH} for "ICCV.2019.00140"`,
        confirms:
          'DOI 10.1109/ICCV.2019.00140; "2019 IEEE/CVF International Conference on Computer Vision (ICCV)"; Seoul, Korea (South), 27 October–2 November 2019; pages 1314–1324 (reference lists and the mmsegmentation BibTeX)',
      },
    ],
    notes: ['IEEE Xplore was not read. The arXiv version (1905.02244) lists the authors in another order; the ICCV order is used.'],
  },
  turian2009softsign: {
    record: 'https://aclanthology.org/N09-2062/',
    recordRead: true,
    checked: [
      {
        source: 'http://users.umiacs.umd.edu/~hal/WhatToSee/tmp/aclweb.org___anthology_new___N___N09___/140.txt',
        confirms: 'a text copy of the ACL Anthology PDF: title; authors Joseph Turian, James Bergstra, Yoshua Bengio (Université de Montréal); first page 245',
      },
      {
        source: `${TEXT_SEARCH} for "Quadratic Features and Deep Architectures"`,
        confirms:
          '"Proceedings of Human Language Technologies: The 2009 Annual Conference of the North American Chapter of the Association for Computational Linguistics, Companion Volume: Short Papers", pages 245–248; Anthology id N09-2062',
      },
    ],
    notes: [
      'The authors are Turian, Bergstra and Bengio (not Turian and Ratinov, whose 2010 paper is another one).',
      'Place (Boulder, Colorado), month (June 2009) and publisher (Association for Computational Linguistics) are those of NAACL-HLT 2009 and were not read from the Anthology page itself. No DOI exists.',
    ],
  },
  bergstra2009quadratic: {
    record: 'http://www.iro.umontreal.ca/~lisa/publications2/index.php/attachments/single/205',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "learn better image features" (a text copy of Glorot & Bengio 2010 with its reference list)`,
        confirms:
          'the reference as its contemporaries cited it: Bergstra, J., Desjardins, G., Lamblin, P., & Bengio, Y. (2009), "Quadratic polynomials learn better image features", Technical Report 1337, Département d\'Informatique et de Recherche Opérationnelle, Université de Montréal; Glorot & Bengio (Section 2.3) credit it with the softsign',
      },
      {
        source: `${TEXT_SEARCH} for "Quadratic Polynomials Learn Better Image" (Flux/NNlib softsign docstrings, other reference lists)`,
        confirms:
          'title; "Technical Report 1337"; 2009; the LISA publications URL of the report (/attachments/single/205), which one of them calls a dead link',
      },
      {
        source: `${TEXT_SEARCH} for "Bergstra, James and Breuleux, Olivier" (the Theano BibTeX, same lab, 2010)`,
        confirms: 'the given names James Bergstra, Guillaume Desjardins, Pascal Lamblin, Yoshua Bengio',
      },
    ],
    notes: [
      'Neither the report nor its LISA publications page could be read (the URL is reported dead), so every field rests on reference lists, chiefly that of Glorot & Bengio 2010, from the same lab. No month, no pages, no DOI.',
      "The given names are written out from the authors' other papers of the same lab (the reference lists give initials); that these four are the same people was not confirmed from the report itself.",
      'The title is in the sentence case of Glorot & Bengio\'s reference list; code docstrings write it in title case. CSL "report" (BibTeX @techreport): the department and university are its institution.',
    ],
  },
  collobert2004thesis: {
    record: 'http://ronan.collobert.com/pub/2004_phdthesis_lip6.html',
    recordRead: true,
    checked: [
      {
        source: 'http://ronan.collobert.com/pub/2004_phdthesis_lip6.html',
        confirms:
          'the author\'s page and BibTeX: title "Large Scale Machine Learning"; PhD thesis; Université Paris VI (LIP6); 2004; "I did my PhD both at IDIAP and Université de Montréal. I defended at Université de Paris VI"',
      },
    ],
    notes: [
      'The degree was granted by Université Paris VI, not EPFL or Université de Montréal.',
      "PyTorch's Hardtanh documentation cites no paper; this thesis is the usual reference for the hard tanh of Torch and SENNA. That the thesis text defines it was not checked (its PDF could not be read).",
    ],
  },
  donoho1994ideal: {
    record: 'https://doi.org/10.1093/biomet/81.3.425',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "10.1093/biomet/81.3.425" (scikit-image docstrings and other reference lists)`,
        confirms: 'DOI; authors D. L. Donoho and I. M. Johnstone; title; Biometrika 81(3):425–455; 1994',
      },
    ],
    notes: [
      'The Oxford Academic page itself was not read; the month of the issue is left out, not confirmed. Given names David L. and Iain M. are written out; the sources give initials.',
    ],
  },
  donoho1995softthreshold: {
    record: 'https://doi.org/10.1109/18.382009',
    recordRead: false,
    checked: [
      {
        source: `${TEXT_SEARCH} for "10.1109/18.382009"`,
        confirms: 'DOI; author D. L. Donoho; title; IEEE Transactions on Information Theory 41(3):613–627; May 1995 (IEEE-format reference lists)',
      },
    ],
    notes: ['IEEE Xplore was not read.'],
  },
  bridle1990softmax: {
    record: 'https://link.springer.com/chapter/10.1007/978-3-642-76153-9_28',
    recordRead: true,
    checked: [
      {
        source: 'http://link.springer.com/chapter/10.1007/978-3-642-76153-9_28',
        confirms: 'title; a conference paper in the book series NATO ASI Series (NATO ASI F, volume 68); the DOI',
      },
      {
        source:
          'https://www.bohrium.com/paper-details/probabilistic-interpretation-of-feedforward-classification-network-outputs-with-relationships-to-statistical-pattern-recognition/813356230075482113-2492',
        confirms: 'author John S. Bridle; book Neurocomputing; 1990; DOI 10.1007/978-3-642-76153-9_28',
      },
      {
        source: `${TEXT_SEARCH} for "978-3-642-76153-9_28"`,
        confirms: 'editors F. Fogelman-Soulié and J. Hérault; book title "Neurocomputing: Algorithms, Architectures and Applications"; pages 227–236; Springer',
      },
    ],
    notes: [
      'The series is written out as "NATO ASI Series F: Computer and Systems Sciences"; the Springer page shows "NATO ASI F, volume 68". The editor\'s surname is written "Fogelman Soulié" (some lists hyphenate it); place Berlin, Heidelberg is Springer\'s usual imprint, not read from the page.',
      'The name "softmax" first appears in Bridle\'s NIPS 1989 paper "Training Stochastic Model Recognition Algorithms as Networks can Lead to Maximum Mutual Information Estimation of Parameters"; this chapter is the conventional citation.',
    ],
  },
} satisfies Record<ReferenceKey, ReferenceSource>);
