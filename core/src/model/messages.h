// Every sentence the engine writes itself — notes, explanations it adds to
// the rules' own sentences, request errors — lives in rules/messages.json, in
// Chinese and English, beside the rule data, so an analyst can edit them.
// This table names each message and the placeholders it may use, in the
// order the engine passes their values.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/template.h"

namespace uie {

enum class Msg {
  // words and formats
  kYes, kNo, kNone, kOpenEnded, kListSeparator, kQuotedFact, kLevel, kYuan, kDate, kValidity, kMonth, kAgeYears,
  kAgeYearsMonths,
  // explanations inside condition sentences
  kDetailSeparator, kMissingFacts, kCountDefaulted, kFlagDefaulted, kEntitlementExtended, kLeftToProvince, kReadingLabel,
  // notes
  kSizeDerived, kSizePresumed, kSizeCandidates, kCandidatesCap, kUnitReadings, kRateCap, kPassOn, kExcluded, kAmountCap, kSplitTotalOnly,
  kLocalAmount, kExtension, kRetirementDerived, kMonthsUsedNeedsRetirement, kEntitlementUsedNeedsRetirement,
  kDurationCap, kDurationSchedule, kReadingsDiffer, kMonthlyStandard, kMonthlyFromWage, kMonthlyGiven, kMonthlyGivenDiffers,
  kMonthlyTotal, kMonthlyTotalCap, kMonthlyUnknownHint, kDraft, kNotInForce, kOtherRegion, kUnusedFacts, kDefaultedFacts,
  kDisclaimer,
  // request errors
  kTooLarge, kNulByte, kDuplicateKey, kNotJson, kTooDeep, kNotObject, kUnknownMember,
  kNoRegion, kRegionNotString, kRegionNotSixDigits, kUnknownRegion, kBadDate, kNoProgram,
  kProgramNotString, kUnknownProgram, kPolicyNotString, kFactsNotObject, kUnknownFact,
  kUnknownFactHint, kUnknownFactExact, kFactName, kNotBool, kNotOneOf, kOptionShown,
  kNotCount, kNotInteger, kOutOfRange, kNotAnOption, kNotMoney, kMoneyNaN, kMoneyNegative,
  kMoneyDecimals, kMoneyTooLarge, kNotDate, kNotMonth, kNotText, kTextTooLong, kNotLevelList, kNotLevel,
  kRetirementDiffers, kOptionDiffers, kMonthsUsedAboveMax, kMonthsUsedNotExtended,
  kUnknownPolicy, kNoPolicy, kNoPolicyYear, kNoPolicyLatest, kNotLoaded,
  // screening CSV files
  kCsvMisspeltColumn, kCsvDuplicateColumn, kCsvNoProgram, kCsvRowTooLong, kCsvUnclosedQuote, kCsvExtraCells,
  // the screening table's own columns and words
  kTableHeader, kTableUndecided, kTableError, kTableCandidate,
  kCount_  // the number of messages
};

constexpr std::size_t kMessageCount = static_cast<std::size_t>(Msg::kCount_);

struct MessageDef {
  const char* key;                      // the key in rules/messages.json
  std::vector<std::string_view> slots;  // its placeholders, in argument order
};

// The definitions, indexed by Msg.
const std::array<MessageDef, kMessageCount>& message_defs();

class Messages {
 public:
  // Renders message `id` with `args` (plain text, in the order of its slots).
  // Not inlined: messages are composed at many places, mostly on error paths.
  __attribute__((noinline)) void render(Msg id, bool english, Sink& sink, std::initializer_list<std::string_view> args = {}) const;
  // The same, as a plain string.
  __attribute__((noinline)) std::string text(Msg id, bool english, std::initializer_list<std::string_view> args = {}) const;

  std::array<Template, kMessageCount> zh, en;
};

}  // namespace uie
