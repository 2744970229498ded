#include "support.h"

#include <fstream>
#include <sstream>

namespace uie_test {

const uie::Engine& engine() {
  static const auto loaded = uie::Engine::load(uie::embedded_packs());
  return *loaded.engine;  // the load test below asserts it is non-null
}

json estimate_text(const std::string& request, const std::string& today) {
  return json::parse(engine().estimate(request, today));
}

json estimate(const json& request, const std::string& today) { return estimate_text(request.dump(), today); }

json questions(const json& request, const std::string& today) {
  return json::parse(engine().questions(request.dump(), today));
}

json condition(const json& response, const std::string& id) {
  for (const auto& c : response.value("conditions", json::array())) {
    if (c.value("id", "") == id) return c;
  }
  return nullptr;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace uie_test
