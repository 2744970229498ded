// Runs the scenario vectors under tests/scenarios and the contract's worked
// examples. The same files are run against the WebAssembly build by
// tests/js; the matching rule is described in tests/scenarios/README.md.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.h"

using namespace uie_test;

namespace {

// Partial deep match of `expect` against `actual`; returns "" or what differs.
std::string match(const json& expect, const json& actual, const std::string& at);

std::string match_object(const json& expect, const json& actual, const std::string& at) {
  if (!actual.is_object()) return at + ": expected an object, got " + actual.dump();
  for (auto it = expect.begin(); it != expect.end(); ++it) {
    const std::string& k = it.key();
    std::string here = at + "/" + k;
    if (k == "conditions" && it->is_object()) {
      for (auto c = it->begin(); c != it->end(); ++c) {
        json found = nullptr;
        for (const auto& cond : actual.value("conditions", json::array())) {
          if (cond.value("id", "") == c.key()) found = cond;
        }
        if (found.is_null()) return here + "/" + c.key() + ": no such condition";
        // A value is the expected `passed`, or {"passed", "cite"} with the cite matched partially.
        const json& passed = c->is_object() ? c->value("passed", json(nullptr)) : *c;
        if (found["passed"] != passed) return here + "/" + c.key() + ": passed is " + found["passed"].dump() + ", want " + passed.dump();
        if (c->is_object() && c->contains("cite")) {
          std::string d = match((*c)["cite"], found["cite"], here + "/" + c.key() + "/cite");
          if (!d.empty()) return d;
        }
      }
    } else if (k == "whatif" && it->is_array()) {
      for (const auto& want : *it) {
        bool any = false;
        for (const auto& w : actual.value("whatif", json::array())) any = any || match(want, w, here).empty();
        if (!any) return here + ": no whatif entry matches " + want.dump() + " in " + actual.value("whatif", json::array()).dump();
      }
    } else if (k == "notes_include" && it->is_array()) {
      for (const auto& want : *it) {
        bool any = false;
        for (const auto& n : actual.value("notes", json::array())) {
          any = any || n.get<std::string>().find(want.get<std::string>()) != std::string::npos;
        }
        if (!any) return here + ": no note contains " + want.dump();
      }
    } else if (k == "message_includes" && it->is_array()) {
      // Inside an expected error: substrings of its message.
      std::string message = actual.value("message", std::string());
      for (const auto& want : *it) {
        if (message.find(want.get<std::string>()) == std::string::npos) return here + ": the message does not contain " + want.dump();
      }
    } else if ((k == "code" || k == "path") && expect.value("ok", true) == false && actual.contains("error")) {
      // The contract's examples write an expected error flat: {"ok": false, "code", "path"}.
      std::string d = match(*it, actual["error"].value(k, json(nullptr)), at + "/error/" + k);
      if (!d.empty()) return d;
    } else {
      if (!actual.contains(k)) return here + ": missing in the response";
      std::string d = match(*it, actual[k], here);
      if (!d.empty()) return d;
    }
  }
  return "";
}

std::string match(const json& expect, const json& actual, const std::string& at) {
  if (expect.is_object()) return match_object(expect, actual, at);
  if (expect.is_array()) {
    if (!actual.is_array() || actual.size() != expect.size()) return at + ": expected " + expect.dump() + ", got " + actual.dump();
    for (std::size_t i = 0; i < expect.size(); ++i) {
      std::string d = match(expect[i], actual[i], at + "/" + std::to_string(i));
      if (!d.empty()) return d;
    }
    return "";
  }
  return expect == actual ? "" : at + ": expected " + expect.dump() + ", got " + actual.dump();
}

}  // namespace

TEST_CASE("the matcher itself tells a match from a mismatch", "[scenarios]") {
  json response = {{"ok", true}, {"amount_fen", 5}, {"conditions", {{{"id", "a"}, {"passed", false}}}},
                   {"whatif", {{{"fact", "layoffs"}, {"max", 3}}}}, {"notes", {"一条说明"}}};
  CHECK(match({{"amount_fen", 5}, {"conditions", {{"a", false}}}}, response, "").empty());
  CHECK_FALSE(match({{"amount_fen", 6}}, response, "").empty());
  CHECK_FALSE(match({{"conditions", {{"a", true}}}}, response, "").empty());
  CHECK_FALSE(match({{"conditions", {{"b", true}}}}, response, "").empty());
  CHECK(match({{"whatif", {{{"max", 3}}}}}, response, "").empty());
  CHECK_FALSE(match({{"whatif", {{{"max", 4}}}}}, response, "").empty());
  CHECK(match({{"notes_include", {"说明"}}}, response, "").empty());
  CHECK_FALSE(match({{"notes_include", {"没有"}}}, response, "").empty());
  CHECK_FALSE(match({{"missing", json::array()}}, response, "").empty());
  json cited = {{"conditions", {{{"id", "a"}, {"passed", true}, {"cite", {{"doc_no", "甲"}, {"clause", "二"}, {"quote", "原文"}}}}}},
                {"error", {{"message", "没有收录2026年施行的文件"}}}};
  CHECK(match({{"conditions", {{"a", {{"passed", true}, {"cite", {{"clause", "二"}}}}}}}}, cited, "").empty());
  CHECK_FALSE(match({{"conditions", {{"a", {{"passed", true}, {"cite", {{"clause", "三"}}}}}}}}, cited, "").empty());
  CHECK_FALSE(match({{"conditions", {{"a", {{"passed", false}, {"cite", {{"clause", "二"}}}}}}}}, cited, "").empty());
  CHECK(match({{"error", {{"message_includes", {"没有收录", "2026"}}}}}, cited, "").empty());
  CHECK_FALSE(match({{"error", {{"message_includes", {"没有收录", "2027"}}}}}, cited, "").empty());
}

TEST_CASE("every scenario vector gives the expected response", "[scenarios]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(UIE_SOURCE_DIR) / "tests" / "scenarios";
  REQUIRE(fs::is_directory(dir));
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::size_t count = 0;
  for (const auto& f : files) {
    json doc = json::parse(read_file(f.string()));
    for (const auto& s : doc["scenarios"]) {
      ++count;
      std::string name = f.filename().string() + ": " + s["name"].get<std::string>();
      json response = estimate(s["request"]);
      std::string diff = match(s["expect"], response, "");
      INFO(name << "\n" << response.dump());
      CHECK(diff == "");
    }
  }
  CHECK(count >= 80);
}

TEST_CASE("the contract's worked examples give their expected results", "[scenarios]") {
  std::string text = read_file(std::string(UIE_SHARED_DIR) + "/spec/examples.jsonl");
  REQUIRE_FALSE(text.empty());
  std::size_t start = 0, count = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (line.empty()) continue;
    json ex = json::parse(line);
    json r = estimate(ex["request"]);
    json want = ex["expect"];
    INFO(ex["name"].get<std::string>() << "\n" << r.dump());
    CHECK(r["ok"] == want["ok"]);
    for (const char* k : {"eligible", "amount_fen", "max_months", "unit_fen", "individual_fen"}) {
      if (want.contains(k)) CHECK(r[k] == want[k]);
    }
    for (const char* k : {"code", "path"}) {
      if (want.contains(k)) CHECK(r["error"][k] == want[k]);
    }
    ++count;
  }
  CHECK(count == 8);
}
