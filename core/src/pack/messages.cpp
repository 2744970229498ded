// rules/messages.json: the engine's own sentences, Chinese and English.
#include "pack/readers.h"

namespace uie {

void read_messages(const json& doc, Reporter& r, Messages& out) {
  check_keys(doc, {"kind", "format", "messages"}, "", r);
  auto it = doc.find("messages");
  if (it == doc.end() || !it->is_object()) {
    r.issue(issue::kType, "/messages", "应为对象");
    return;
  }
  const auto& defs = message_defs();
  for (auto m = it->begin(); m != it->end(); ++m) {
    bool known = false;
    for (const auto& d : defs) known = known || m.key() == d.key;
    if (!known) r.issue(issue::kUnknownKey, ptr("/messages", m.key()), "引擎没有名为“" + m.key() + "”的消息");
  }
  for (std::size_t i = 0; i < defs.size(); ++i) {
    std::string at = ptr("/messages", defs[i].key);
    auto m = it->find(defs[i].key);
    if (m == it->end()) {
      r.issue(issue::kMissing, at, std::string("缺少消息“") + defs[i].key + "”");
      continue;
    }
    if (!need_object(*m, at, r)) continue;
    check_keys(*m, {"zh", "en"}, at, r);
    for (const char* lang : {"zh", "en"}) {
      auto t = m->find(lang);
      std::string tat = ptr(at, lang);
      if (t == m->end() || !t->is_string()) {
        r.issue(issue::kMissing, tat, std::string("缺少“") + lang + "”文字");
        continue;
      }
      Template parsed = Template::parse(t->get<std::string>(), defs[i].slots, [&](std::string_view name) {
        r.issue(issue::kPlaceholder, tat, "这条消息不能用占位符 {" + std::string(name) + "}");
      });
      (std::string(lang) == "zh" ? out.zh : out.en)[i] = std::move(parsed);
    }
  }
}

}  // namespace uie
