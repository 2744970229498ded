// The loader pipeline: read every file into typed form; resolve `extends` by
// id on the typed form (parents first, cycles refused); resolve each
// program's merged section into a Policy; check the rule set as a whole.
#include "pack/load.h"

#include <algorithm>
#include <atomic>
#include <map>

#include "input/json_reader.h"
#include "pack/inherit.h"
#include "pack/readers.h"
#include "pack/resolve.h"

namespace uie {
namespace {

// Packs are trusted more than requests, but a policy analyst edits them by
// hand: generous limits, and every problem named by file and pointer.
constexpr std::size_t kMaxPackBytes = 4 * 1024 * 1024;
constexpr int kMaxPackDepth = 32;

struct PackState {
  RawPack raw;
  Reporter* reporter = nullptr;
  std::map<std::string, std::vector<Policy*>> compiled;  // program id -> its versions, earliest first
  bool visiting = false, done = false;
};

// A stretch of days over which one policy is what a refining pack inherits.
struct Period {
  const Policy* base = nullptr;
  Date from;
  std::optional<Date> to;  // open-ended when empty
};

// The days [from, to] and [p.from, p.to] share, or nullopt.
std::optional<Period> overlap(const Period& p, const Date& from, const std::optional<Date>& to) {
  Period out = p;
  if (out.from < from) out.from = from;
  if (to && (!out.to || *to < *out.to)) out.to = to;
  if (out.to && *out.to < out.from) return std::nullopt;
  return out;
}

class Compiler {
 public:
  Compiler(RuleSet& rs, std::map<std::string, PackState>& packs, const std::map<const std::string*, Reporter*>& reporters)
      : rs_(rs), packs_(packs), reporters_(reporters) {}

  void compile(PackState& pack) {
    if (pack.done) return;
    Reporter& r = *pack.reporter;
    if (pack.visiting) {
      r.issue(issue::kExtends, "/extends", "extends 形成了循环");
      return;
    }
    pack.visiting = true;
    PackState* parent = nullptr;
    if (!pack.raw.extends.empty()) {
      auto it = packs_.find(pack.raw.extends);
      if (it == packs_.end()) r.issue(issue::kExtends, "/extends", "找不到被引用的文件“" + pack.raw.extends + "”");
      else {
        parent = &it->second;
        compile(*parent);
      }
    }
    // "The rules in force" are every refinement of the parent in its region:
    // all of them must be compiled before the periods can be told.
    if (parent && pack.raw.extends_in_force) {
      for (auto& [id, other] : packs_) {
        if (!other.visiting && other.raw.doc->region == parent->raw.doc->region) compile(other);
      }
    }
    // The pack's own programs, then (a forward) every program it passes on.
    std::vector<std::string> names;
    for (const auto& [name, section] : pack.raw.programs) names.push_back(name);
    if (pack.raw.forwards && parent) {
      for (const auto& [name, pol] : parent->compiled) {
        if (!pack.raw.programs.count(name)) names.push_back(name);
      }
    }
    for (const auto& name : names) compile_program(pack, parent, name);
    pack.visiting = false;
    pack.done = true;
  }

 private:
  // What the pack inherits for `program`, period by period: the versions of
  // its parent, or (extends_in_force) whichever refinement of the parent is
  // in force, the most refined on each day.
  std::vector<Period> periods(const PackState& pack, PackState* parent, const ProgramDef& program) {
    std::vector<Period> out;
    if (!parent) return out;
    if (!pack.raw.extends_in_force) {
      auto it = parent->compiled.find(program.id);
      if (it == parent->compiled.end()) return out;
      for (const Policy* v : it->second) out.push_back(Period{v, v->valid_from, v->valid_to});
      return out;
    }
    const Document* root = parent->raw.doc.get();
    std::vector<const Policy*> candidates;
    for (const auto& p : rs_.policies) {
      if (p->program != &program || p->doc->region != root->region) continue;
      bool refines = false;
      for (const Policy* q = p.get(); q && !refines; q = q->parent) refines = q->doc == root;
      if (refines) candidates.push_back(p.get());
    }
    std::vector<Date> cuts;
    for (const Policy* c : candidates) {
      cuts.push_back(c->valid_from);
      if (c->valid_to) cuts.push_back(c->valid_to->next());
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t i = 0; i < cuts.size(); ++i) {
      const Policy* best = nullptr;
      for (const Policy* c : candidates) {
        if (c->in_force(cuts[i]) && (!best || c->chain.size() > best->chain.size())) best = c;
      }
      if (!best) continue;
      std::optional<Date> to;
      if (i + 1 < cuts.size()) to = cuts[i + 1].prev();
      if (!out.empty() && out.back().base == best && out.back().to && out.back().to->next() == cuts[i]) out.back().to = to;
      else out.push_back(Period{best, cuts[i], to});
    }
    return out;
  }

  void compile_program(PackState& pack, PackState* parent, const std::string& name) {
    Reporter& r = *pack.reporter;
    const ProgramDef* program = rs_.program(name);
    if (!program) return;  // reported when read
    auto own_it = pack.raw.programs.find(name);
    RawSection own;
    if (own_it != pack.raw.programs.end()) own = own_it->second;
    else own.at = r.at("/programs/" + name);
    std::vector<Period> bases = periods(pack, parent, *program);
    if (bases.empty() && parent && pack.raw.forwards) {
      r.issue(issue::kForward, "/programs/" + name, "被转发的文件没有这个项目");
    }
    if (bases.empty()) {
      compile_version(pack, *program, own, nullptr, std::nullopt);
      return;
    }
    // One version per period of the parent that meets the document's own
    // validity; a document outside every period keeps the nearest one.
    std::size_t made = 0;
    for (const Period& b : bases) {
      RawSection merged = inherit(merged_.at(b.base), own);
      if (!merged.valid_from) {
        compile_version(pack, *program, own, b.base, std::nullopt);
        return;
      }
      std::optional<Date> to = merged.valid_to && *merged.valid_to ? **merged.valid_to : std::optional<Date>{};
      if (auto part = overlap(b, *merged.valid_from, to)) {
        compile_version(pack, *program, own, b.base, part);
        ++made;
      }
    }
    if (made) return;
    const Period* nearest = &bases.front();
    RawSection probe = inherit(merged_.at(bases.front().base), own);
    for (const Period& b : bases) {
      if (probe.valid_from && b.from <= *probe.valid_from) nearest = &b;
    }
    compile_version(pack, *program, own, nearest->base, std::nullopt);
  }

  // Compiles the document's section over `base` (null: none), answering for
  // `period` (nullopt: the whole of the document's validity).
  void compile_version(PackState& pack, const ProgramDef& program, const RawSection& own, const Policy* base,
                       const std::optional<Period>& period) {
    RawSection merged = base ? inherit(merged_.at(base), own) : own;
    auto pol = std::make_unique<Policy>();
    pol->doc = pack.raw.doc.get();
    pol->program = &program;
    pol->parent = base;
    if (base) pol->chain = base->chain;
    pol->chain.push_back(pack.raw.doc.get());
    Resolver resolver(program, *pol, reporters_, rs_.cites, sentences_, notes_);
    resolve_section(merged, resolver);
    pol->doc_from = pol->valid_from;
    pol->doc_to = pol->valid_to;
    if (period) {
      pol->valid_from = period->from;
      pol->valid_to = period->to;
    }
    merged_[pol.get()] = std::move(merged);
    pack.compiled[program.id].push_back(pol.get());
    rs_.policies.push_back(std::move(pol));
  }

  RuleSet& rs_;
  std::map<std::string, PackState>& packs_;
  const std::map<const std::string*, Reporter*>& reporters_;
  std::map<const Policy*, RawSection> merged_;  // what each policy's children inherit
  SentenceCache sentences_;
  NoteCache notes_;
};

std::string file_kind(const json& doc, Reporter& r) {
  std::string kind = get_string(doc, "kind", "", r);
  auto format = doc.find("format");
  if (format == doc.end() || *format != 1) r.issue(issue::kFormat, "/format", "format 应为 1（本引擎只认这一版格式）");
  if (!kind.empty() && kind != "programs" && kind != "regions" && kind != "messages" && kind != "policy") {
    r.issue(issue::kFormat, "/kind", "未知的文件类型“" + kind + "”（应为 programs、regions、messages 或 policy）");
  }
  return kind;
}

// FNV-1a, 64 bits: a fingerprint, not a defence against forgery.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = 1469598103934665603ull) {
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

std::string rules_fingerprint(const std::vector<PackText>& texts) {
  // Each pack's text hashed alone, the hashes sorted: the same packs give the
  // same fingerprint whatever their file names or the order they are read in
  // (the CLI's embedded packs and the image tool's directory walk differ).
  std::vector<std::uint64_t> each;
  each.reserve(texts.size());
  for (const auto& t : texts) each.push_back(fnv1a64(t.text));
  std::sort(each.begin(), each.end());
  std::uint64_t h = 1469598103934665603ull;
  for (std::uint64_t v : each) {
    for (int i = 0; i < 8; ++i) h = (h ^ ((v >> (8 * i)) & 0xffu)) * 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xfu];
  return out;
}

std::unique_ptr<RuleSet> load_rules(const std::vector<PackText>& texts, std::vector<LoadIssue>& issues) {
  static std::atomic<std::uint64_t> serials{0};
  auto rs = std::make_unique<RuleSet>();
  rs->serial = ++serials;
  rs->rules_hash = rules_fingerprint(texts);
  std::vector<std::unique_ptr<Reporter>> reporters;
  std::map<const std::string*, Reporter*> by_file;
  std::map<std::string, std::vector<std::pair<json, Reporter*>>> docs;  // by file kind
  for (const auto& t : texts) {
    reporters.push_back(std::make_unique<Reporter>(Reporter{&t.name, &issues}));
    Reporter& r = *reporters.back();
    by_file[&t.name] = &r;
    json doc;
    JsonReadError err;
    if (!read_json_dom(t.text, kMaxPackBytes, kMaxPackDepth, doc, err)) {
      std::string what = err.message == Msg::kDuplicateKey ? "同一个键“" + err.arg + "”出现了两次"
                         : err.message == Msg::kTooDeep   ? "嵌套超过 " + err.arg + " 层"
                         : err.message == Msg::kTooLarge  ? "文件超过 " + err.arg + " 字节"
                                                          : "文件不是有效的 JSON（第 " + err.arg + " 个字节附近有错误）";
      r.issue(issue::kJson, err.path, what);
      continue;
    }
    if (!doc.is_object()) {
      r.issue(issue::kJson, "", "规则文件应为 JSON 对象");
      continue;
    }
    std::string kind = file_kind(doc, r);
    if (!kind.empty()) docs[kind].emplace_back(std::move(doc), &r);
  }
  for (const char* kind : {"programs", "regions", "messages"}) {
    if (docs[kind].size() != 1) {
      // About the rule set as a whole, so it names no one file of it.
      issues.push_back({"(rules)", "", std::string("规则中应有且只有一个 ") + kind + " 文件", issue::kFiles, {}});
    }
  }
  for (auto& [doc, r] : docs["programs"]) read_programs(doc, *r, *rs);
  for (auto& [doc, r] : docs["regions"]) read_regions(doc, *r, *rs);
  for (auto& [doc, r] : docs["messages"]) read_messages(doc, *r, rs->messages);

  std::map<std::string, PackState> packs;
  for (auto& [doc, r] : docs["policy"]) {
    PackState state;
    state.reporter = r;
    read_policy_pack(doc, *r, *rs, state.raw);
    std::string id = state.raw.doc->id;
    if (id.empty()) continue;
    if (packs.count(id)) {
      r->issue(issue::kDuplicate, "/id", "文件 id“" + id + "”与 " + packs[id].raw.doc->file + " 重复");
      continue;
    }
    packs.emplace(id, std::move(state));
  }
  Compiler compiler(*rs, packs, by_file);
  for (auto& [id, pack] : packs) compiler.compile(pack);
  for (auto& [id, pack] : packs) rs->documents.push_back(std::move(pack.raw.doc));

  check_overlaps(*rs, issues);
  dedupe(issues);
  if (!issues.empty()) return nullptr;
  return rs;
}

}  // namespace uie
