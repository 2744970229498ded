// Reading a reform and applying it to a copy of the rules (reform.h). The
// reader is the requests' own (JsonTree: no DOM, nothing thrown), so the
// WebAssembly module applies a reform without the pack loader.
#include "reform/reform.h"

#include <algorithm>
#include <memory>

#include "base/cold.h"
#include "base/exact.h"
#include "base/json_out.h"
#include "base/text.h"
#include "input/json_reader.h"
#include "render/static_json.h"

UIE_COLD_BEGIN  // once per what-if: compiled for size in the wasm build

namespace uie {
namespace {

using Node = JsonTree::Node;
using Type = JsonTree::Type;

std::size_t utf8_chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class Reader {
 public:
  Reader(const RuleSet& rules, std::vector<ReformIssue>& issues) : rules_(rules), issues_(issues) {}

  bool read(std::string_view text) {
    JsonReadError err;
    if (!tree_.parse(text, kReformMaxBytes, kReformMaxDepth, err)) {
      if (text.size() > kReformMaxBytes) {
        issue("", "too_large", "测算方案超过 64 KB，请删去多余内容", "The reform is larger than 64 KB");
      } else {
        // The reader's argument alone ("8", "63") says nothing: say what it is.
        std::string zh, en;
        switch (err.message) {
          case Msg::kTooDeep:
            zh = "嵌套超过 " + err.arg + " 层";
            en = "nested more than " + err.arg + " levels deep";
            break;
          case Msg::kNulByte:
            zh = "第 " + err.arg + " 个字节是空字符 NUL";
            en = "byte " + err.arg + " is a NUL character";
            break;
          case Msg::kDuplicateKey:
            zh = "同一个键 " + shown(err.arg) + " 出现了两次";
            en = "the key " + shown(err.arg) + " appears twice";
            break;
          default:
            zh = "第 " + err.arg + " 个字节附近有错误";
            en = "an error near byte " + err.arg;
        }
        issue(err.path, "invalid_json", "测算方案不是有效的 JSON（" + zh + "）", "The reform is not valid JSON (" + en + ")");
      }
      return false;
    }
    const Node& root = tree_.root();
    if (root.type != Type::kObject) {
      issue("", "type", "测算方案应为一个 JSON 对象", "The reform must be a JSON object");
      return false;
    }
    check_keys(root, "", {"$schema", "kind", "format", "id", "title", "title_en", "base", "program", "set", "comment"});
    const Node* kind = tree_.member(root, "kind");
    if (!kind || kind->type != Type::kString || tree_.text(*kind) != "reform") {
      issue("/kind", "kind", "测算方案的 kind 应为 \"reform\"", "A reform's kind must be \"reform\"");
    }
    const Node* format = tree_.member(root, "format");
    if (!format || format->type != Type::kInteger || format->integer != 1) {
      issue("/format", "format", "测算方案的 format 应为 1", "A reform's format must be 1");
    }
    id_ = string_member(root, "id", "/id", "方案编号", "id");
    if (!id_.empty()) {
      bool good = id_.size() <= kReformMaxIdChars &&
                  std::all_of(id_.begin(), id_.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
      if (!good) {
        issue("/id", "value", "方案编号 id 只能用小写字母、数字、- 和 _，最多 64 个字符：" + shown(id_),
              "The id may hold only lower-case letters, digits, - and _, at most 64 characters: " + shown(id_));
      }
    }
    title_ = string_member(root, "title", "/title", "方案名称", "title");
    if (utf8_chars(title_) > kReformMaxTitleChars) {
      issue("/title", "value", "方案名称最多 200 个字", "The title may be at most 200 characters");
    }
    if (const Node* en = tree_.member(root, "title_en"); en && (en->type != Type::kString || utf8_chars(tree_.text(*en)) > kReformMaxTitleChars)) {
      issue("/title_en", "value", "title_en 应为最多 200 个字的文字", "title_en must be text of at most 200 characters");
    } else if (en) {
      title_en_ = std::string(tree_.text(*en));
    }
    program_id_ = string_member(root, "program", "/program", "项目", "program");
    base_ = string_member(root, "base", "/base", "所依据的政策", "base");
    program_ = program_id_.empty() ? nullptr : rules_.program(program_id_);
    if (!program_id_.empty() && !program_) {
      issue("/program", "unknown_program", "没有这个项目：" + shown(program_id_) + "；可选：" + rules_.unknown_program_list,
            "No such program: " + shown(program_id_) + "; one of: " + rules_.unknown_program_list_en);
    }
    if (program_ && !base_.empty()) {
      for (const auto& p : rules_.policies) {
        if (p->doc->id == base_ && p->program == program_) policy_ = p.get();
      }
      if (!policy_) {
        issue("/base", "unknown_policy", "没有编号为 " + shown(base_) + " 的「" + program_->title + "」政策（政策编号见 estimate --catalog）",
              "No " + program_->title_en + " policy has the id " + shown(base_) + " (estimate --catalog lists them)");
      }
    }
    const Node* set = tree_.member(root, "set");
    if (!set || set->type != Type::kObject || set->size == 0) {
      issue("/set", "set", "set 应为一个对象，至少改一个参数", "set must be an object changing at least one parameter");
    } else if (set->size > kReformMaxParams) {
      issue("/set", "too_many", "一个测算方案最多改 64 个参数", "A reform may change at most 64 parameters");
    } else if (policy_) {
      for (std::int32_t i = set->first; i >= 0; i = tree_.node(i).next) read_param(tree_.node(i));
    }
    return issues_.empty();
  }

  const std::string& id() const { return id_; }
  const std::string& title() const { return title_; }
  const std::string& title_en() const { return title_en_.empty() ? title_ : title_en_; }
  const std::string& base() const { return base_; }
  const ProgramDef* program() const { return program_; }
  const std::vector<ReformValue>& values() const { return values_; }

 private:
  void issue(std::string pointer, const char* code, std::string zh, std::string en) {
    issues_.push_back({std::move(pointer), code, std::move(zh), std::move(en)});
  }

  // At most 40 bytes of it, cut where a character begins.
  static std::string shown(std::string_view s) {
    std::size_t cut = 40;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    std::string out = s.size() > 40 ? std::string(s.substr(0, cut)) + "…" : std::string(s);
    return "\"" + out + "\"";
  }

  void check_keys(const Node& object, const std::string& at, std::initializer_list<std::string_view> allowed) {
    for (std::int32_t i = object.first; i >= 0; i = tree_.node(i).next) {
      std::string_view k = tree_.key(tree_.node(i));
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        issue(at + "/" + pointer_token(k), "unknown_key", "测算方案里没有 " + shown(k) + " 这一项", "A reform has no member " + shown(k));
      }
    }
  }

  std::string string_member(const Node& object, std::string_view name, const std::string& at, const char* zh, const char* en) {
    const Node* n = tree_.member(object, name);
    if (!n || n->type != Type::kString || n->text_len == 0) {
      issue(at, "required", std::string("缺少") + zh + "（" + std::string(name) + "），应为文字", std::string("The ") + en + " is missing; it must be text");
      return {};
    }
    return std::string(tree_.text(*n));
  }

  // The parameters a reform may change: plain counts, rates and amounts.
  std::string editable() const {
    std::string out;
    for (const auto& p : policy_->params) {
      if (p->type != ParamType::kCount && p->type != ParamType::kRate && p->type != ParamType::kMoney) continue;
      out += (out.empty() ? "" : ", ") + p->id;
    }
    return out;
  }

  void read_param(const Node& entry) {
    std::string id(tree_.key(entry));
    std::string at = "/set/" + pointer_token(id);
    const Param* param = policy_->param(id);
    if (!param) {
      std::string meant;
      for (const auto& p : policy_->params) {
        if (edit_distance(p->id, id) <= 2) meant = p->id;
      }
      std::string hint_zh = meant.empty() ? "" : "（是不是 " + meant + "？）";
      std::string hint_en = meant.empty() ? "" : " (did you mean " + meant + "?)";
      issue(at, "unknown_param", "政策 " + base_ + " 没有参数 " + shown(id) + hint_zh + "；可以改的参数：" + editable(),
            "Policy " + base_ + " has no parameter " + shown(id) + hint_en + "; the parameters a reform may change: " + editable());
      return;
    }
    if (param->type != ParamType::kCount && param->type != ParamType::kRate && param->type != ParamType::kMoney) {
      issue(at, "unsupported_param", "参数 " + id + " 是" + param_type_name(param->type) + "，测算方案只能改数量、比例和金额",
            "Parameter " + id + " is a " + param_type_name(param->type) + "; a reform changes only counts, rates and amounts");
      return;
    }
    ReformValue nv;
    nv.id = id;
    const Node* value = &entry;
    if (entry.type == Type::kObject) {
      check_keys(entry, at, {"value", "when"});
      value = tree_.member(entry, "value");
      if (!value) {
        issue(at + "/value", "required", "缺少 value：参数的新值", "value is missing: the parameter's new value");
        return;
      }
      at += "/value";
    }
    if (!scalar(*value, *param, at, nv.value, nv.shown)) return;
    if (entry.type == Type::kObject) {
      if (const Node* when = tree_.member(entry, "when")) read_cases(*when, *param, "/set/" + pointer_token(id) + "/when", nv);
    }
    values_.push_back(std::move(nv));
  }

  bool scalar(const Node& n, const Param& param, const std::string& at, ParamScalar& out, std::string& text) {
    switch (param.type) {
      case ParamType::kRate: {
        auto rate = n.type == Type::kString ? Rate::parse(tree_.text(n)) : std::nullopt;
        if (!rate) {
          issue(at, "value", "比例应写成百分数文字，如 \"40%\"，在 0% 到 100% 之间；收到的是 " + tree_.shown(n),
                "A rate is written as a percentage in quotes, such as \"40%\", from 0% to 100%; got " + tree_.shown(n));
          return false;
        }
        text = rate->text;
        out.rate = std::move(*rate);
        return true;
      }
      case ParamType::kCount: {
        if (n.type != Type::kInteger || n.integer < 0 || n.integer > 10'000'000) {
          issue(at, "value", "应为 0 到 10000000 之间的整数；收到的是 " + tree_.shown(n),
                "Must be a whole number from 0 to 10000000; got " + tree_.shown(n));
          return false;
        }
        out.count = n.integer;
        text = std::to_string(n.integer);
        return true;
      }
      case ParamType::kMoney: {
        std::string digits = n.type == Type::kString ? std::string(tree_.text(n))
                             : n.type == Type::kInteger || n.type == Type::kFloat ? tree_.dump(n) : std::string();
        Fen fen = 0;
        if (digits.empty() || parse_yuan(digits, fen) != MoneyError::kNone) {
          issue(at, "value", "金额应为不小于 0 的元数，最多两位小数，如 \"1500\"；收到的是 " + tree_.shown(n),
                "An amount is yuan, not negative, with at most two decimals, such as \"1500\"; got " + tree_.shown(n));
          return false;
        }
        out.money = fen;
        text = yuan_str(fen) + "元";
        return true;
      }
      default: return false;
    }
  }

  void read_cases(const Node& when, const Param& param, const std::string& at, ReformValue& nv) {
    if (when.type != Type::kArray) {
      issue(at, "type", "when 应为数组", "when must be an array");
      return;
    }
    if (when.size > kReformMaxCases) {
      issue(at, "too_many", "一个参数最多 16 种情形", "A parameter may have at most 16 cases");
      return;
    }
    for (std::int32_t i = when.first; i >= 0; i = tree_.node(i).next) {
      const Node& c = tree_.node(i);
      std::string cat = at + "/" + std::to_string(c.ordinal);
      if (c.type != Type::kObject) {
        issue(cat, "type", "每种情形应为 {\"fact\", \"equals\", \"value\"}", "Each case must be {\"fact\", \"equals\", \"value\"}");
        continue;
      }
      check_keys(c, cat, {"fact", "equals", "value"});
      std::string fact_id = string_member(c, "fact", cat + "/fact", "情形所看的事实", "case's fact");
      const FactDef* fact = fact_id.empty() ? nullptr : program_->fact(fact_id);
      if (!fact_id.empty() && !fact) {
        issue(cat + "/fact", "unknown_fact", "「" + program_->title + "」没有事实 " + shown(fact_id),
              program_->title_en + " has no fact " + shown(fact_id));
        continue;
      }
      if (!fact) continue;
      ReformCase nc;
      nc.fact = fact->index;
      const Node* equals = tree_.member(c, "equals");
      if (fact->type == FactType::kBool) {
        if (!equals || equals->type != Type::kBool) {
          issue(cat + "/equals", "value", fact_id + " 是是否题，equals 应为 true 或 false", fact_id + " is yes/no: equals must be true or false");
          continue;
        }
        nc.equals_bool = equals->flag;
      } else if (fact->type == FactType::kEnum) {
        const Option* option = equals && equals->type == Type::kString ? fact->option(tree_.text(*equals)) : nullptr;
        if (!option) {
          issue(cat + "/equals", "value", fact_id + " 的 equals 应为它的一个选项", "equals must be one of " + fact_id + "'s options");
          continue;
        }
        nc.is_bool = false;
        nc.equals_option = static_cast<int>(option - fact->options.data());
      } else {
        issue(cat + "/fact", "value", "情形只能看是否题或选择题，" + fact_id + " 不是", "A case can only test a yes/no or choice fact; " + fact_id + " is neither");
        continue;
      }
      const Node* value = tree_.member(c, "value");
      std::string text;
      if (!value) {
        issue(cat + "/value", "required", "缺少 value：这种情形下的值", "value is missing: the value in this case");
        continue;
      }
      if (scalar(*value, param, cat + "/value", nc.value, text)) nv.cases.push_back(std::move(nc));
    }
  }

  const RuleSet& rules_;
  std::vector<ReformIssue>& issues_;
  JsonTree tree_;
  std::string id_, title_, title_en_, base_, program_id_;
  const ProgramDef* program_ = nullptr;
  const Policy* policy_ = nullptr;
  std::vector<ReformValue> values_;
};

// A fact a reform's case reads becomes one the policy uses: asked (when
// optional, in the program's asking order), cited to the reform, and no
// longer listed among the answers the policy does not consider.
void uses(Policy& policy, int fact, const Cite* cite) {
  if (policy.uses(fact)) return;
  auto& used = policy.used_facts;
  used.insert(std::upper_bound(used.begin(), used.end(), fact), fact);
  auto f = static_cast<std::size_t>(fact);
  if (f < policy.fact_cites.size() && !policy.fact_cites[f]) policy.fact_cites[f] = cite;
  const ProgramDef& program = *policy.program;
  if (program.facts[f].required) return;
  Policy::OptionalFact o;
  o.fact = fact;
  for (const auto& rule : program.consistency) {
    if (rule.kind == ConsistencyRule::Kind::kRequiresTrue && rule.fact == fact) o.gate = rule.other;
  }
  auto& optional = policy.optional_facts;
  auto at = std::find_if(optional.begin(), optional.end(), [&](const Policy::OptionalFact& x) { return x.fact > fact; });
  optional.insert(at, o);
}

std::string value_text(const Param& p, const ParamScalar& v) {
  switch (p.type) {
    case ParamType::kRate: return v.rate.text;
    case ParamType::kCount: return std::to_string(v.count);
    case ParamType::kMoney: return yuan_str(v.money) + "元";
    default: return {};
  }
}

}  // namespace

std::unique_ptr<const ReformSpec> read_reform(const RuleSet& rules, std::string_view text, std::vector<ReformIssue>& issues) {
  Reader reader(rules, issues);
  if (!reader.read(text)) return nullptr;
  auto spec = std::make_unique<ReformSpec>();
  spec->info = ReformInfo{reader.id(), reader.title(), reader.base(), reader.program()->id};
  spec->values = reader.values();
  spec->title_en = reader.title_en();
  return spec;
}

void apply_reform(RuleSet& rules, const ReformSpec& spec) {
  const std::string& id = spec.info.id;
  const std::string& title = spec.info.title;
  // Every value the reform sets is cited to it, never to a document.
  rules.cites.push_back(Cite{"测算方案「" + title + "」", id, "", "测算方案，不是政策文件：本结果不是现行政策的结果", {}, {}});
  Cite& cite = rules.cites.back();
  finish_cite(cite);
  for (auto& policy : rules.policies) {
    if (policy->doc->id != spec.info.base || policy->program->id != spec.info.program) continue;
    std::string zh = "这是测算方案「" + title + "」（" + id + "）的结果，不是现行政策的结果。方案修改了：";
    std::string en = "This is the result under the reform \"" + spec.title_en + "\" (" + id + "), not under the policy in force. It changes: ";
    bool first = true;
    for (const ReformValue& nv : spec.values) {
      for (auto& param : policy->params) {
        if (param->id != nv.id) continue;
        std::string was = param->values.empty() ? std::string("—") : value_text(*param, param->values.back().value);
        for (ParamValue& v : param->values) {
          v.value = nv.value;
          v.cite = &cite;
          v.when.clear();
          for (const ReformCase& nc : nv.cases) {
            ParamCase c;
            c.fact = nc.fact;
            c.is_bool = nc.is_bool;
            c.equals_bool = nc.equals_bool;
            c.equals_option = nc.equals_option;
            c.value = nc.value;
            c.cite = &cite;
            v.when.push_back(std::move(c));
          }
        }
        param->set_by = cite.doc_no;
        std::string cases_zh, cases_en;
        if (!nv.cases.empty()) {
          cases_zh = "（另有 " + std::to_string(nv.cases.size()) + " 种情形）";
          cases_en = " (and " + std::to_string(nv.cases.size()) + " cases)";
        }
        zh += std::string(first ? "" : "；") + nv.id + " " + was + " → " + nv.shown + cases_zh;
        en += std::string(first ? "" : "; ") + nv.id + " " + was + " → " + nv.shown + cases_en;
        first = false;
      }
    }
    for (const ReformValue& nv : spec.values) {
      for (const ReformCase& c : nv.cases) uses(*policy, c.fact, &cite);
    }
    policy->reformed = true;
    auto note = std::make_shared<Note>();
    note->zh = zh + "。";
    note->en = en + ".";
    finish_note(*note);
    policy->notes.insert(policy->notes.begin(), std::move(note));
  }
}

void mark_reformed(RuleSet& rules, const ReformInfo& info) {
  for (auto& policy : rules.policies) {
    if (policy->doc->id != info.base || policy->program->id != info.program) continue;
    JsonOut o(policy->json_open);
    o.next("reform").raw("{").key("id").str(info.id).next("title").str(info.title).raw("}");
  }
}

}  // namespace uie

UIE_COLD_END
