// The documented limits (docs/contract-notes.md §3) at and just past each
// boundary, with the engine's defaults and with limits a caller chooses.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine_fixture.h"

using nlohmann::json;

namespace {

json error_of(const std::string& response) {
  json r = json::parse(response);
  return r.value("ok", true) ? json() : r["error"];
}

std::string padded(std::size_t total) {
  std::string s = uie_test::kGoodRequest;
  s.append(total - s.size(), ' ');
  return s;
}

// A skill-subsidy request whose occupation is `n` nested arrays: the request
// object is depth 1, facts depth 2, so the innermost array is at depth 2 + n.
std::string nested_fact(int n) {
  return R"({"region":"660000","date":"2024-04-20","program":"skill_subsidy","facts":{"worker_status":"employed",)"
         R"("insured_months":18,"certificate":"skill_level","level":5,"occupation":)" +
         std::string(static_cast<std::size_t>(n), '[') + "0" + std::string(static_cast<std::size_t>(n), ']') + "}}";
}

}  // namespace

TEST_CASE("the default limits are the documented ones", "[limits]") {
  uie::Limits limits;
  CHECK(limits.max_request_bytes == 65536);
  CHECK(limits.max_depth == 16);
  auto e = uie_test::engine();
  REQUIRE(e);
  CHECK(json::parse(e->estimate(padded(65536)))["amount_fen"] == uie_test::kGoodAmountFen);
  const json past = error_of(e->estimate(padded(65537)));
  CHECK(past["code"] == "invalid_request");
  CHECK(past["path"] == "");
  CHECK(error_of(e->estimate(nested_fact(14)))["code"] == "invalid_fact");  // depth 16: parsed
  CHECK(error_of(e->estimate(nested_fact(15)))["code"] == "invalid_request");  // depth 17: refused
  CHECK(error_of(e->estimate(nested_fact(15)))["path"] == "");
}

TEST_CASE("limits a caller chooses are enforced the same way", "[limits]") {
  uie::Limits tight;
  tight.max_request_bytes = 1000;
  tight.max_depth = 5;
  auto loaded = uie::Engine::load(uie::embedded_packs(), tight);
  REQUIRE(loaded.ok());
  const auto& e = *loaded.engine;
  CHECK(json::parse(e.estimate(padded(1000)))["amount_fen"] == uie_test::kGoodAmountFen);
  CHECK(error_of(e.estimate(padded(1001)))["code"] == "invalid_request");
  CHECK(error_of(e.estimate(nested_fact(3)))["code"] == "invalid_fact");     // depth 5
  CHECK(error_of(e.estimate(nested_fact(4)))["code"] == "invalid_request");  // depth 6
  // questions() is held to the same limits.
  CHECK(error_of(e.questions(padded(1001)))["code"] == "invalid_request");
  CHECK(error_of(e.questions(nested_fact(4)))["code"] == "invalid_request");
}

TEST_CASE("the message of a refused request says which limit, in words", "[limits]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  const std::string size_message = error_of(e->estimate(padded(65537)))["message"];
  const std::string depth_message = error_of(e->estimate(nested_fact(15)))["message"];
  CHECK(size_message.find("65536") != std::string::npos);
  CHECK(depth_message.find("16") != std::string::npos);
  CHECK(size_message != depth_message);
}
