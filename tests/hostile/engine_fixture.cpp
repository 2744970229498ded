#include "engine_fixture.h"

namespace uie_test {

const char* const kGoodRequest =
    R"({"region":"140000","date":"2024-07-15","program":"stabilization_refund","facts":{"unit_type":"enterprise",)"
    R"("size":"sme","contribution_months":24,"insured_headcount":80,"layoffs":4,"contributions_paid":56789.12}})";

std::shared_ptr<const uie::Engine> engine() {
  static const std::shared_ptr<const uie::Engine> loaded = uie::Engine::load(uie::embedded_packs()).engine;
  return loaded;
}

}  // namespace uie_test
