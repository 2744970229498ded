// Reading one program's section of a policy pack into a RawSection.
#pragma once

#include "pack/readers.h"

namespace uie {

// The parameters of a section ("params").
void read_params(const json& pj, const std::string& at, Reporter& r, const std::string& doc_no,
                 std::vector<RawParam>& out);
// One value of a parameter of type `type` (false when it was refused).
bool read_scalar(ParamType type, const json& val, const std::string& at, ParamScalar& out, Reporter& r);
// A condition (a sub-condition of any_of / all_of when `nested`).
RawCondition read_condition(const json& cj, const std::string& at, Reporter& r, const std::string& doc_no,
                            bool nested);
RawAmount read_amount(const json& aj, const std::string& at, Reporter& r, const std::string& doc_no);
// The whole section.
RawSection read_section(const json& s, const std::string& at, Reporter& r, const std::string& doc_no);

}  // namespace uie
