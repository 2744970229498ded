// Untrusted JSON: limits, duplicate keys, and number texts kept for money.
// The request reader (JsonTree) and the pack reader (a nlohmann DOM) refuse
// the same things.
#include <catch2/catch.hpp>

#include <string>

#include "input/json_reader.h"

using namespace uie;

namespace {

// The request reader, with a view of the tree like the old DOM's for the checks.
struct JsonDocument {
  JsonTree tree;
  nlohmann::json value;
};

bool read(const std::string& text, JsonDocument& doc, JsonReadError& err, std::size_t max = 65536, int depth = 16) {
  bool tree_ok = doc.tree.parse(text, max, depth, err);
  JsonReadError dom_err;
  bool dom_ok = read_json_dom(text, max, depth, doc.value, dom_err);
  // Both readers agree on every input.
  CHECK(tree_ok == dom_ok);
  if (!tree_ok && !dom_ok) {
    CHECK(err.code == dom_err.code);
    CHECK(err.path == dom_err.path);
    CHECK(err.arg == dom_err.arg);
  }
  return tree_ok;
}

// The source text of the number at a path of member names / indices.
std::string number_text(const JsonTree& t, std::initializer_list<const char*> path) {
  const JsonTree::Node* n = &t.root();
  for (const char* step : path) {
    const JsonTree::Node* next = t.member(*n, step);
    if (!next) {
      int index = std::stoi(step);
      for (std::int32_t c = n->first; c >= 0; c = t.node(c).next) {
        if (static_cast<int>(t.node(c).ordinal) == index) next = &t.node(c);
      }
    }
    REQUIRE(next);
    n = next;
  }
  return n->type == JsonTree::Type::kFloat ? std::string(t.text(*n)) : "";
}

}  // namespace

TEST_CASE("a duplicate key is refused at its pointer", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE_FALSE(read(R"({"facts": {"layoffs": 1, "layoffs": 2}})", doc, err));
  CHECK(err.code == "invalid_request");
  CHECK(err.path == "/facts/layoffs");
  REQUIRE_FALSE(read(R"({"a": [1, {"x": 1, "x": 1}]})", doc, err));
  CHECK(err.path == "/a/1/x");
  REQUIRE_FALSE(read(R"({"a/b": 1, "a/b": 2})", doc, err));
  CHECK(err.path == "/a~1b");
}

TEST_CASE("nesting past the limit is refused before it costs anything", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  std::string deep(100000, '[');
  REQUIRE_FALSE(read(deep, doc, err));
  CHECK(err.code == "invalid_request");
  CHECK(err.path == "");
  std::string ok = std::string(16, '[') + std::string(16, ']');
  CHECK(read(ok, doc, err));
  std::string over = std::string(17, '[') + std::string(17, ']');
  CHECK_FALSE(read(over, doc, err));
}

TEST_CASE("text past the size limit is refused", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  std::string big = "\"" + std::string(70000, 'x') + "\"";
  REQUIRE_FALSE(read(big, doc, err));
  CHECK(err.code == "invalid_request");
}

TEST_CASE("broken JSON is invalid_json at the whole request", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  for (const char* bad : {"", "{", "{\"a\":}", "NaN", "{\"a\": Infinity}", "[1,]", "{'a': 1}", "{\"a\": 1e400}",
                          "\"\\ud800\"", "\"\xff\"", "{\"a\":1} x"}) {
    INFO(bad);
    CHECK_FALSE(read(bad, doc, err));
    CHECK(err.code == "invalid_json");
    CHECK(err.path == "");
  }
}

TEST_CASE("a byte-order mark before the JSON is accepted", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE(read("\xEF\xBB\xBF{\"a\": 1}", doc, err));
  CHECK(doc.value["a"] == 1);
}

TEST_CASE("the text of every non-integer number is kept by pointer", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE(read(R"({"facts": {"paid": 56789.12, "n": 3, "list": [0.1, 2.50]}})", doc, err));
  CHECK(number_text(doc.tree, {"facts", "paid"}) == "56789.12");
  CHECK(number_text(doc.tree, {"facts", "list", "0"}) == "0.1");
  CHECK(number_text(doc.tree, {"facts", "list", "1"}) == "2.50");
  CHECK(number_text(doc.tree, {"facts", "n"}).empty());
  CHECK(doc.value["facts"]["list"].size() == 2);
}

TEST_CASE("a value is shown as nlohmann/json prints it, members sorted", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE(read(R"({"b": [1, 2.50, "x\"y"], "a": {"z": null, "y": true}, "c": 1e20})", doc, err));
  CHECK(doc.tree.dump(doc.tree.root()) == doc.value.dump());
  CHECK(doc.tree.dump(doc.tree.root()) == R"({"a":{"y":true,"z":null},"b":[1,2.5,"x\"y"],"c":1e+20})");
}
