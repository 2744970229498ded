/**
 * Types of the estimator's JavaScript API (estimator-api.js).
 *
 * The request and response shapes are those of the public contract,
 * shared/spec/estimate-api.md, with the project's additions of
 * docs/contract-notes.md. Responses are plain objects: nothing to free.
 */

/** A six-digit GB/T 2260 code as a string, e.g. "140000"; "000000" is national rules only. */
export type RegionCode = string;
/** An ISO day, "YYYY-MM-DD". */
export type IsoDate = string;

export type ProgramId =
  | 'stabilization_refund'
  | 'skill_subsidy'
  | 'unemployment_benefit'
  | 'unemployment_subsidy'
  | 'migrant_worker_allowance'
  | 'contribution_rate';

/** A fact's value: count/integer → number, money → number or decimal string, bool, enum/date/string → string, level_list → number[]. */
export type FactValue = string | number | boolean | number[];

/** Contract §1. */
export interface EstimateRequest {
  region: RegionCode;
  date?: IsoDate;
  program: ProgramId | string;
  facts?: Record<string, FactValue>;
  /** Evaluate under this policy even if it is not in force on `date`. */
  policy?: string;
}

/** What JSON text or bytes the engine accepts: an object is serialised with JSON.stringify. */
export type RequestInput = EstimateRequest | string | Uint8Array | ArrayBuffer;

export interface Cite {
  doc_no: string;
  clause: string;
  quote: string;
  [extra: string]: unknown;
}

export interface PolicyInfo {
  id: string;
  doc_no: string;
  title: string;
  region: RegionCode;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  draft: boolean;
  /** Documents combined, most general first. */
  chain: string[];
  /** Whether the policy was in force on the request's date (contract-notes §2). */
  in_force?: boolean;
  [extra: string]: unknown;
}

export interface Condition {
  id: string;
  passed: boolean | null;
  /** A Chinese sentence with the actual numbers. */
  text: string;
  cite: Cite;
}

export interface WhatIf {
  condition?: string;
  fact: string;
  text: string;
  min?: number;
  max?: number;
}

/** Contract §2, success. Program-specific extra fields (max_months, unit_fen, candidates, …) are in the index signature. */
export interface EstimateOk {
  ok: true;
  program: ProgramId | string;
  policy: PolicyInfo;
  eligible: boolean | null;
  amount_fen: number | null;
  amount_yuan: string | null;
  conditions: Condition[];
  /** Required facts still to ask, in asking order. */
  missing: string[];
  /** Optional facts the policy uses and the request did not give, in asking order. */
  optional_missing: string[];
  whatif: WhatIf[];
  notes: string[];
  amount_is_cap?: boolean;
  [extra: string]: unknown;
}

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'unknown_region'
  | 'unknown_program'
  | 'unknown_fact'
  | 'invalid_fact'
  | 'inconsistent_facts'
  | 'no_policy_in_force'
  | 'unknown_policy';

/** Contract §2, error: the request itself is wrong, nothing was evaluated. */
export interface EstimateError {
  ok: false;
  error: {
    code: ErrorCode | string;
    /** JSON Pointer (RFC 6901) into the request, "" for the whole request. */
    path: string;
    /** Plain Chinese. */
    message: string;
    /** With no_policy_in_force: the most recent policy for the region and program. */
    latest?: PolicyInfo;
  };
}

export type EstimateResponse = EstimateOk | EstimateError;

export type FactType = 'enum' | 'count' | 'integer' | 'money' | 'bool' | 'date' | 'string' | 'level_list';

export interface QuestionOption {
  value: string | number;
  label: string;
  label_en: string;
}

export interface Question {
  fact: string;
  type: FactType;
  required: boolean;
  answered: boolean;
  label: string;
  label_en: string;
  unit: string | null;
  help: string | null;
  /** The English of `help` (rules/programs.json `help_en`); null where the rules give none. */
  help_en: string | null;
  cite: Cite | null;
  options?: QuestionOption[];
  min: number | null;
  max: number | null;
  [extra: string]: unknown;
}

export interface QuestionsOk {
  ok: true;
  program: string;
  policy: PolicyInfo;
  /** False when no policy is in force on the date: `policy` is then the latest one. */
  in_force: boolean;
  questions: Question[];
  /** Each condition of the policy with its own name, in the answer's order (what a batch counts units by). */
  conditions: { id: string; label: string; label_en: string | null; cite: Cite | null }[];
}

export type QuestionsResponse = QuestionsOk | EstimateError;

export interface CatalogProgram {
  id: ProgramId | string;
  title: string;
  title_en: string;
  audience: 'unit' | 'worker' | 'unemployed';
}

export interface CatalogRegion {
  code: RegionCode;
  name: string;
  name_en: string;
  children: { code: RegionCode; name: string; name_en?: string }[];
}

export interface Catalog {
  engine_version: string;
  /** 16 hex digits: a fingerprint of the rule packs' texts (a receipt records it; a later build compares). */
  rules_hash: string;
  programs: CatalogProgram[];
  regions: CatalogRegion[];
  policies: (PolicyInfo & { programs: unknown })[];
  /** The screening table's words for a unit's state (rules/messages.json). */
  table_words: { yes: string; no: string; unknown: string; error: string };
  table_words_en: { yes: string; no: string; unknown: string; error: string };
}

/** Errors of the API itself (never of a request: those are EstimateError responses). */
export class EstimatorError extends Error {
  /**
   * load_failed: the module could not be downloaded or instantiated;
   * rules_invalid: the embedded rule packs did not load (see `issues`);
   * engine_failure: the instance trapped during this call; it has been replaced, retry;
   * not_in_module: screen, screenCsv, csvColumns or openSession on estimator-lite (the single-estimate
   * page's module, built without screening): load estimator.js for those;
   * session_closed: a BatchSession used after close() or after its instance trapped;
   * invalid_reform: Estimator#reform refused the reform (see `issues`);
   * reform_gone: a Reform used after drop() or after its instance trapped.
   */
  readonly code: 'load_failed' | 'rules_invalid' | 'engine_failure' | 'not_in_module' | 'session_closed' | 'invalid_reform' | 'reform_gone' | string;
  readonly cause?: unknown;
  readonly issues?: { file: string; pointer: string; message: string; code?: string; message_en?: string }[];
}

/** The module factory that estimator.js defines (createUieModule). */
export type ModuleFactory = (moduleArg: object) => Promise<unknown>;

/** Instantiates the wasm with the glue's imports (e.g. WXWebAssembly.instantiate(path, imports)). */
export type Instantiate = (
  imports: WebAssembly.Imports,
) => Promise<WebAssembly.Instance | { instance: WebAssembly.Instance; module?: WebAssembly.Module }>;

export interface CreateOptions {
  /** createUieModule from estimator.js. */
  factory: ModuleFactory;
  /** Browser: the URL of estimator.wasm, downloaded and compiled once. */
  wasmUrl?: string;
  fetch?: typeof fetch;
  /** Node: the bytes of estimator.wasm, compiled once. */
  wasmBinary?: BufferSource;
  /** Any host: the loader, called for the first instance and for every restart. */
  instantiate?: Instantiate;
  /** Receives the module's own output lines (e.g. "Aborted()"). Default: discarded. */
  log?: (line: string) => void;
  /** Called after a trapped instance was dropped, with what it threw. */
  onRestart?: (error: unknown) => void;
}

export interface CallOptions {
  /** The date of a request that has no `date`, YYYY-MM-DD (the native CLI's --today). Default: the device clock's today. */
  today?: IsoDate;
  /** 'en': condition sentences, notes and errors in English where the rule data has them (the native CLI's --lang en). Default: Chinese, the contract's language. */
  lang?: 'zh' | 'en';
}

/** A screening batch: text, or its UTF-8 bytes (a file as read). */
export type BatchInput = string | Uint8Array | ArrayBuffer;

export interface ScreenCsvOptions extends CallOptions {
  /** For rows without a region column: a six-digit region code. */
  region?: string;
  /** For rows without a date column: YYYY-MM-DD. */
  date?: IsoDate;
  /** For rows without a program column, e.g. 'stabilization_refund'. */
  program?: string;
  /** Evaluate every row under this policy id. */
  policy?: string;
  /**
   * What each row is answered with: 'lines' (default) a ScreenLine; 'reasons'
   * a ScreenLine with `reasons`; 'table' the CSV table of `estimate --csv`
   * (the row's cells, then 是否符合/金额/分/金额/元/原因, after a header row);
   * 'full' the full answer (EstimateResponse) per row.
   */
  output?: 'lines' | 'reasons' | 'table' | 'full';
}

export interface CsvColumnsOptions {
  /** The program whose facts the headers name; default: every program. */
  program?: string;
  lang?: 'zh' | 'en';
}

/** What one column of a CSV header row holds. */
export interface CsvColumn {
  index: number;
  /** The header cell, trimmed. */
  header: string;
  role: 'fact' | 'region' | 'date' | 'program' | 'policy' | 'passthrough' | 'misspelt' | 'duplicate';
  /** fact: the fact; misspelt: the fact it probably means. */
  fact?: string;
  label?: string;
  /** duplicate: the earlier column naming the same. */
  duplicate_of?: number;
  /** misspelt, duplicate: why the batch would stop, in plain words. */
  message?: string;
}

export type CsvColumnsResponse = { ok: true; columns: CsvColumn[] } | EstimateError;

/**
 * One line of a screening answer: the decision without its sentences, or the
 * usual error object ({"ok": false, "error": {…}}) for a unit that cannot be read.
 */
export interface ScreenLine {
  eligible: boolean | null;
  amount_fen: number | null;
  /** Ids of the conditions that failed, in the full answer's order. */
  failed: string[];
  /** Facts still needed, in asking order. */
  missing: string[];
  /** 稳岗返还 with the size unknown: the amount is one of these two (amount_fen is null). */
  candidates?: { large: number; sme: number };
  /** output 'reasons' only: the failed conditions' sentences, then the facts still needed. */
  reasons?: string[];
  /** output 'reasons' only: the item's row of the table (the header is row 1) or line of the batch. */
  row?: number;
  /** output 'reasons', CSV text only: where the record starts, in bytes from the start of the text fed. */
  at?: number;
  /** output 'reasons', CSV only: the cells of the columns passed through (单位名称 …), in header order. */
  kept?: string[];
}

export interface SessionOptions {
  /** 'csv' (default): a header row naming facts, then one unit per row; 'jsonl': one request per line. */
  input?: 'csv' | 'jsonl';
  /** What each item is answered with, as ScreenCsvOptions.output; 'none': nothing, the tally and outcomes are the answer. */
  output?: 'lines' | 'reasons' | 'table' | 'full' | 'none';
  /** Run on a reform's rules (Estimator#reform) instead of the rules in force. */
  reform?: Reform;
  /** Keep each item's outcome in brief (BatchSession#takeOutcomes). */
  outcomes?: boolean;
  region?: RegionCode;
  date?: IsoDate;
  program?: string;
  policy?: string;
  today?: IsoDate;
  lang?: 'zh' | 'en';
  /** Also write the CSV table of `estimate --csv` in the same pass (takeTable). */
  table?: boolean;
  /** The header row's columns named by a mapping (a fact id, region, date, program, policy, or '' passed through); the table shows the row's own cells. */
  columns?: string[];
}

/**
 * One batch fed in pieces, answered as it arrives (the core's uie::Session).
 * Synchronous: it lives in one module instance; if that instance traps, the
 * call throws EstimatorError('engine_failure') and the session is over.
 */
export class BatchSession {
  /** More of the batch, text or bytes → the answers of its whole items, each ending in "\n". */
  feed(input: BatchInput): string;
  /** More rows of a table as cell texts (the first row fed is the header). */
  feedRows(rows: (string | null | undefined)[][]): string;
  /** The end of the batch → the answer of a last item without a line break. */
  finish(): string;
  /** With options.table: the CSV table's rows written since the last call (the header first). */
  takeTable(): string;
  /** The same as UTF-8 bytes (a copy, not decoded): for an export kept as bytes. */
  takeTableBytes(): Uint8Array;
  /** '' while the batch goes on; why it stopped once a table's header was refused. */
  readonly error: string;
  /** Items answered so far (blank rows are no items). */
  readonly items: number;
  /** What the items so far came to, counted by the engine (estimate --summary-json prints the same). */
  readonly tally: BatchTally;
  /**
   * With options.outcomes: the items answered since the last call, six numbers each:
   * row, state (1 yes, 0 no, -1 undecided, 2 error), amount in fen (-1 none),
   * an open amount's low and high candidates (-1 none), size (0 none, 1 large, 2 SME).
   */
  takeOutcomes(): Float64Array;
  /** Frees its memory in the module. */
  close(): void;
}

/** A batch's totals (uie::BatchTally); an eligible unit whose amount is one of two (size unsure) is `open`. */
export interface BatchTally {
  items: number; yes: number; no: number; undecided: number; errors: number;
  amount_fen: number; open: number; open_low_fen: number; open_high_fen: number;
  by_size: { none: SizeTally; large: SizeTally; sme: SizeTally };
}
export interface SizeTally { yes: number; amount_fen: number }

/** A reform loaded into the module: pass it as options.reform. */
export class Reform {
  /** Frees its copy of the rules (close its sessions first). */
  drop(): void;
}

/** A policy's parameter as Estimator#parameters lists it. */
export interface PolicyParam {
  id: string;
  type: 'count' | 'rate' | 'money' | 'bands' | 'date' | 'retirement_schedule';
  /** The document gives a ceiling (不超过), not the figure. */
  cap: boolean;
  /** A reform may change it (counts, rates, amounts). */
  editable: boolean;
  /** On the date: "60%" (rate), 12 (count), "1500.00" (yuan), a date, or null (tables). */
  value: string | number | null;
  from: IsoDate;
  set_by: string;
  cite: Cite | null;
  when: { fact: string; equals: boolean | string; value: string | number | null; where_adopted: boolean; cite: Cite | null }[];
}

export interface ParametersResponse {
  ok: true;
  program: string;
  as_of: IsoDate;
  policy: PolicyInfo & { reform?: { id: string; title: string } };
  params: PolicyParam[];
}

/**
 * A column of a comparison: a policy the region has had (or a variant of the
 * current one), the date it was answered on, and the estimate's own response
 * for that policy and date (equal to estimate with "policy" and "date" named;
 * a variant's facts carry its change).
 */
export interface CompareColumn {
  policy: string;
  as_of: IsoDate;
  /**
   * null: the facts as given. size: the size set (the facts left it unsure).
   * uplift: the yes/no fact that raises the enterprise rates (国办发〔2025〕25号
   * 相关企业) set to yes; if_adopted: only if the region adopts it (its own
   * document does not take it), cite: the clause that allows it.
   */
  variant: null
    | { kind: 'size'; fact: string; value: string }
    | { kind: 'uplift'; fact: string; value: true; if_adopted: boolean; cite: Cite | null };
  answer: EstimateResponse;
}

export interface CompareOk {
  ok: true;
  program: string;
  region: RegionCode;
  date: IsoDate;
  /** The index of the column of the request's own policy (in force on its date, else the latest). */
  current: number;
  /** Oldest first; the variants follow the current policy's column. At most 16. */
  columns: CompareColumn[];
}

export type CompareResponse = CompareOk | EstimateError;

export class Estimator {
  /** How many times a trapped instance has been replaced. */
  readonly restarts: number;
  ready(): Promise<void>;
  /** Contract §1 request → §2 response. */
  estimate(request: RequestInput, options?: CallOptions): Promise<EstimateResponse>;
  /** The same, as the exact JSON text the native CLI prints. */
  estimateText(request: RequestInput, options?: CallOptions): Promise<string>;
  /** The questions to ask for the request's program, from the rule packs. */
  questions(request: RequestInput, options?: CallOptions): Promise<QuestionsResponse>;
  questionsText(request: RequestInput, options?: CallOptions): Promise<string>;
  /** A JSONL batch (one request per line) → one compact line per line (ScreenLine or an error object), joined with "\n". */
  screen(input: BatchInput, options?: CallOptions): Promise<string>;
  /** A CSV batch (a header row naming facts) → one answer per row, as options.output says (default: compact lines). */
  screenCsv(input: BatchInput, options?: ScreenCsvOptions): Promise<string>;
  /** A batch to feed in pieces (a File's slices, a spreadsheet's rows). */
  openSession(options?: SessionOptions): Promise<BatchSession>;
  /** A reform's JSON text (rules/README.md "Reforms") loaded: rejects with 'invalid_reform' and its issues. */
  reform(text: string): Promise<Reform>;
  /**
   * The same facts under every policy of the program the region has had, and
   * the variants the current one allows (estimator-batch.js: the whole module
   * only; docs/contract-notes.md "compare").
   */
  compare(request: RequestInput, options?: CallOptions): Promise<CompareResponse>;
  /** The parameters of the policy a request would be evaluated under (options.reform: under it). */
  parameters(request: RequestInput, options?: CallOptions & { reform?: Reform }): Promise<ParametersResponse | EstimateError>;
  /** What each column of the CSV's header row (or of a header given as cells) holds. */
  csvColumns(input: BatchInput | string[], options?: CsvColumnsOptions): Promise<CsvColumnsResponse>;
  csvColumnsText(input: BatchInput | string[], options?: CsvColumnsOptions): Promise<string>;
  /** CSV text or bytes → its records as arrays of cells (the sessions' own grammar). */
  csvRows(input: BatchInput): Promise<string[][]>;
  /** Rows of cell texts → CSV text as the screening table writes cells (quoted where needed, = + - @ neutralised, CRLF). */
  csvText(rows: (string | null | undefined)[][]): Promise<string>;
  /** Programs, regions and policies of the embedded rule packs. */
  catalog(): Promise<Catalog>;
  catalogText(): Promise<string>;
  version(): Promise<string>;
}

/** Starts the module; resolves once it is ready to answer. */
export function createEstimator(options: CreateOptions): Promise<Estimator>;
/** A loader that compiles these bytes once and instantiates from the compiled module. */
export function fromBytes(bytes: BufferSource): Instantiate;
/** A loader that downloads and compiles the URL once (streaming when served as application/wasm). */
export function fromUrl(url: string, fetchImpl?: typeof fetch): Instantiate;
