#include "sixlink/model/scenario.hpp"

namespace sixlink {

std::string_view to_string(SpecialtyLevel level) {
  switch (level) {
    case SpecialtyLevel::kSecondary:
      return "secondary";
    case SpecialtyLevel::kAssociate:
      return "associate";
    case SpecialtyLevel::kBachelor:
      return "bachelor";
  }
  return "?";
}

std::string_view to_string(SchoolLevel level) {
  switch (level) {
    case SchoolLevel::kSecondary:
      return "secondary";
    case SchoolLevel::kHigher:
      return "higher";
  }
  return "?";
}

std::string_view to_string(Indicator indicator) {
  switch (indicator) {
    case Indicator::kEnrolment:
      return "enrolment";
    case Indicator::kRetentionRate:
      return "retention_rate";
    case Indicator::kLargeFirmParticipation:
      return "large_firm_participation";
    case Indicator::kDoubleHighShare:
      return "double_high_share";
    case Indicator::kSocialTraining:
      return "social_training";
  }
  return "?";
}

std::optional<SpecialtyLevel> parse_specialty_level(std::string_view text) {
  for (auto level :
       {SpecialtyLevel::kSecondary, SpecialtyLevel::kAssociate, SpecialtyLevel::kBachelor}) {
    if (text == to_string(level)) return level;
  }
  return std::nullopt;
}

std::optional<SchoolLevel> parse_school_level(std::string_view text) {
  for (auto level : {SchoolLevel::kSecondary, SchoolLevel::kHigher}) {
    if (text == to_string(level)) return level;
  }
  return std::nullopt;
}

std::string_view to_string(PathwayKind kind) {
  switch (kind) {
    case PathwayKind::kFiveYear:
      return "five_year";
    case PathwayKind::kThreePlusTwo:
      return "three_plus_two";
    case PathwayKind::kBachelorLink:
      return "bachelor_link";
  }
  return "?";
}

std::optional<PathwayKind> parse_pathway_kind(std::string_view text) {
  for (auto kind : {PathwayKind::kFiveYear, PathwayKind::kThreePlusTwo, PathwayKind::kBachelorLink}) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<Indicator> parse_indicator(std::string_view text) {
  for (auto indicator : kAllIndicators) {
    if (text == to_string(indicator)) return indicator;
  }
  return std::nullopt;
}

}  // namespace sixlink
