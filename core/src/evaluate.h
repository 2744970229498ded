// Evaluating a checked request under one policy: every condition with its
// sentence and citation, the amount, what is still missing, what would pass.
#pragma once

#include <nlohmann/json.hpp>

#include "model.h"
#include "request.h"

namespace uie {

using ojson = nlohmann::ordered_json;

// The response of contract §2 for a request under `policy`.
ojson evaluate(const Request& req, const Policy& policy);

// The policy object of a response (also used for error.latest and catalogs).
ojson policy_json(const Policy& policy);

// The citation object of a response.
ojson cite_json(const Cite& cite);

// For each fact the policy uses, the citation of the first rule that uses it.
std::map<std::string, Cite> fact_citations(const Policy& policy);

}  // namespace uie
