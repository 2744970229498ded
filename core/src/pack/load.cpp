// The loader pipeline: read every file into typed form; resolve `extends` by
// id on the typed form (parents first, cycles refused); resolve each
// program's merged section into a Policy; check the rule set as a whole.
#include "pack/load.h"

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
  std::map<std::string, Policy*> compiled;  // program id -> policy
  bool visiting = false, done = false;
};

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
  void compile_program(PackState& pack, PackState* parent, const std::string& name) {
    Reporter& r = *pack.reporter;
    const ProgramDef* program = rs_.program(name);
    if (!program) return;  // reported when read
    auto own_it = pack.raw.programs.find(name);
    RawSection own;
    if (own_it != pack.raw.programs.end()) own = own_it->second;
    else own.at = r.at("/programs/" + name);
    const Policy* base = nullptr;
    if (parent) {
      auto pit = parent->compiled.find(name);
      if (pit != parent->compiled.end()) base = pit->second;
    }
    if (!base && parent && pack.raw.forwards) {
      r.issue(issue::kForward, "/programs/" + name, "被转发的文件没有这个项目");
    }
    RawSection merged = base ? inherit(merged_.at(base), own) : own;
    auto pol = std::make_unique<Policy>();
    pol->doc = pack.raw.doc.get();
    pol->program = program;
    pol->parent = base;
    if (base) pol->chain = base->chain;
    pol->chain.push_back(pack.raw.doc.get());
    Resolver resolver(*program, *pol, reporters_, rs_.cites, sentences_, notes_);
    resolve_section(merged, resolver);
    merged_[pol.get()] = std::move(merged);
    pack.compiled[name] = pol.get();
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

}  // namespace

std::unique_ptr<RuleSet> load_rules(const std::vector<PackText>& texts, std::vector<LoadIssue>& issues) {
  static std::atomic<std::uint64_t> serials{0};
  auto rs = std::make_unique<RuleSet>();
  rs->serial = ++serials;
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
      issues.push_back({"", "", std::string("规则中应有且只有一个 ") + kind + " 文件", issue::kFiles});
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
