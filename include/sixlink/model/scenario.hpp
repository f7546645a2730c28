// sixlink/model/scenario.hpp — the six linked entities of a city's plan.
//
// The "six-industry linkage" (六业联动) ties together enterprise (企业), sector
// (行业), industry cluster (产业), specialty (专业), employment (就业) and
// occupation (职业). A Scenario holds one city's picture of them in a base year:
//
//   specialty --fit--> occupation <--openings-- enterprise --> sector --> cluster
//   school --> region        enterprise --> region
//   programme = (school, specialty) with intake, enrolment and bounds
//   employment record = observed destinations of a programme's graduates
//   plan targets = indicator values the plan asks for in given years
//
// Entities refer to each other by string id. A Scenario is plain data: build it in
// code, load it with io/json.hpp or io/csv.hpp, and call validate() (the loaders
// do) before handing it to an engine. Rates are fractions in [0, 1]; counts are
// integers in [0, kMaxCount]; money is in yuan.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/core/types.hpp"

namespace sixlink {

/// Education level of a catalogue specialty (the 2021 catalogue's three parts).
enum class SpecialtyLevel {
  kSecondary,  ///< 中职, codes 61–79
  kAssociate,  ///< 高职专科, codes 41–59
  kBachelor,   ///< 高职本科 (vocational bachelor), codes 21–39
};

/// Kind of school: secondary vocational or higher vocational (college).
enum class SchoolLevel { kSecondary, kHigher };

/// A county-level region of the city.
struct Region {
  std::string id;
  std::string name;

  friend bool operator==(const Region&, const Region&) = default;
};

/// A regional industry cluster (产业). Its yearly openings grow with
/// `growth_rate` and `replacement_rate` (both fractions of employment).
struct Cluster {
  std::string id;
  std::string name;
  double growth_rate = 0.0;
  double replacement_rate = 0.0;

  friend bool operator==(const Cluster&, const Cluster&) = default;
};

/// A national-classification industry group (行业, GB/T 4754-2017 code as id),
/// mapped into at most one cluster (`cluster` empty: none of the city's clusters).
struct Sector {
  std::string id;
  std::string name;
  std::string cluster;

  friend bool operator==(const Sector&, const Sector&) = default;
};

/// The pseudo-cluster of the demand of firms whose sector belongs to no cluster
/// (the analyses and the placement name it so in their tables).
inline constexpr std::string_view kUnclustered = "(unclustered)";

/// An occupation (职业) that specialties prepare for and enterprises demand.
struct Occupation {
  std::string id;
  std::string name;

  friend bool operator==(const Occupation&, const Occupation&) = default;
};

/// How well a specialty prepares for one occupation: fit in (0, 1].
struct OccupationFit {
  std::string occupation;
  double fit = 1.0;

  friend bool operator==(const OccupationFit&, const OccupationFit&) = default;
};

/// A specialty of the vocational catalogue (专业): catalogue code as id.
struct Specialty {
  std::string id;
  std::string name;
  SpecialtyLevel level = SpecialtyLevel::kSecondary;
  std::vector<OccupationFit> occupations;

  friend bool operator==(const Specialty&, const Specialty&) = default;
};

/// A vocational school in a region. `capacity` is the most students it can hold
/// in total (0: not given); `social_training` the person-times of social
/// (non-degree) training it delivers per year.
struct School {
  std::string id;
  std::string name;
  std::string region;
  SchoolLevel level = SchoolLevel::kSecondary;
  bool double_high = false;  ///< a "double-high" (双高) school
  Count capacity = 0;
  Count social_training = 0;
  /// First year the school (or a new campus) takes students; 0: open already. A school not
  /// yet open is capacity a plan may place candidates in, not a place graduates come from.
  int opens_in_year = 0;

  friend bool operator==(const School&, const School&) = default;
};

/// One school's offering of one specialty. `intake` is the yearly enrolment
/// quota, `enrolled` the students on the programme now (all years),
/// `min_intake`..`max_intake` the bounds a quota plan may move the intake in.
struct Programme {
  std::string id;
  std::string school;
  std::string specialty;
  Count intake = 0;
  Count enrolled = 0;
  int duration = 3;              ///< years of study
  double completion_rate = 1.0;  ///< share of an intake that graduates
  Count min_intake = 0;
  Count max_intake = 0;
  double cost_per_student = 0.0;  ///< yuan per student per year
  /// Label the reports show, e.g. "天台 · 电子商务"; empty: reports show the id.
  std::string name = {};  // "= {}": aggregate initialisers that stop before it stay silent

  friend bool operator==(const Programme&, const Programme&) = default;
};

/// Yearly openings of one occupation at one enterprise.
struct Opening {
  std::string occupation;
  Count count = 0;

  friend bool operator==(const Opening&, const Opening&) = default;
};

/// A firm. `sector` may be empty (not classified). `large` marks a large firm
/// (at least 1,000 staff). `partner` marks a firm taking part in vocational
/// education. `above_designated_size` marks a 规上 enterprise, the plan's
/// definition for its participation indicator: an industrial enterprise with
/// annual main-business revenue of at least 20 million yuan (a flag, not the
/// revenue, because that is what the city's statistics publish). Unset (a
/// scenario written before the flag existed): the indicator falls back to
/// `large` for this firm.
struct Enterprise {
  std::string id;
  std::string name;
  std::string region;
  std::string sector;
  Count employees = 0;
  bool large = false;
  bool partner = false;
  Count internship_slots = 0;
  std::vector<Opening> openings;
  std::optional<bool> above_designated_size = {};  ///< last, so positional initialisers still work

  friend bool operator==(const Enterprise&, const Enterprise&) = default;
};

/// Observed destinations of a programme's graduates in one year: `count`
/// graduates went to `enterprise` (a local firm), or to `cluster` (local, firm
/// not recorded), or, with `outside` set, left the city. With `progressed` set
/// they continued study (升学) instead of taking a job: in the city, or with
/// `outside` set outside it (analysis/progression.hpp reads these records).
struct EmploymentRecord {
  std::string programme;
  int year = 0;
  std::string enterprise;
  std::string cluster;
  bool outside = false;
  Count count = 0;
  bool progressed = false;  ///< continued study rather than took a job

  friend bool operator==(const EmploymentRecord&, const EmploymentRecord&) = default;
};

/// A vertical pathway (纵向贯通) of the plan: how graduates of one programme
/// continue into another one level up.
enum class PathwayKind {
  kFiveYear,      ///< 五年一贯制: secondary and higher-vocational years in one programme
  kThreePlusTwo,  ///< 中职与高职 "3+2"
  kBachelorLink,  ///< 高职与本科 "3+2" (higher-vocational to vocational bachelor)
};

/// An explicit pathway link: progressing graduates of programme `from` continue
/// on programme `to` (one level up), which keeps `reserved_seats` of its yearly
/// intake for them (0: no reservation; they compete for the ordinary seats).
struct Pathway {
  std::string from;
  std::string to;
  PathwayKind kind = PathwayKind::kThreePlusTwo;
  Count reserved_seats = 0;

  friend bool operator==(const Pathway&, const Pathway&) = default;
};

/// The indicators of the plan's table (and two figures of its text). Rates,
/// shares and ratios are fractions or plain numbers (60 % is 0.6, "1.5:1" is
/// 1.5); counts are counts (88,700 students, not 8.87 万人); money is yuan a
/// year. The first five are computed from the scenario (indicator_info's
/// `computed`); the rest are tracked inputs (Scenario::indicator_values).
enum class Indicator {
  kEnrolment,               ///< vocational students enrolled (在校生规模)
  kRetentionRate,           ///< graduates employed in the city / graduates (留台率)
  kAboveSizeParticipation,  ///< 规上 enterprises taking part / 规上 enterprises
  kDoubleHighShare,         ///< students in double-high schools / students
  kSocialTraining,          ///< person-times of social training per year
  kFundingRatio,            ///< secondary operating funds per student / general high school's
  kSinoForeignProgrammes,
  kNationalDoubleHighSchools,
  kNationalDoubleExcellentSchools,
  kProvincialDoubleHighSchools,
  kCityHighLevelSpecialtyGroups,
  kVocationalEducationGroups,
  kIndustryEducationAlliances,
  kIntegrationTrainingBases,
  kIntegrationEnterprises,
  kCollaborativeEducationProjects,
  kIntegrationEngineeringProjects,
  kMixedOwnershipProjects,
  kTeachingInnovationTeams,
  kMasterTeacherStudios,
  kTechnicalServiceIncome,       ///< yuan a year
  kDoubleQualifiedTeacherShare,  ///< the text's 双师型 share of specialty teachers
  kPracticalTeachingShare,       ///< the text's share of practical teaching hours
  /// Files written before the 规上 definition call it "large_firm_participation";
  /// that name still parses, to this same indicator (now measured on 规上 firms).
  kLargeFirmParticipation = kAboveSizeParticipation,
};

/// How an indicator's value is measured (and shown: the plan's 万 units are
/// display units only).
enum class IndicatorUnit {
  kCount,        ///< a number of things (schools, projects, students)
  kFraction,     ///< a share in [0, 1], shown as %
  kRatio,        ///< x for "x:1"
  kPersonTimes,  ///< person-times a year, shown in 万人次
  kYuan,         ///< yuan a year, shown in 万元
};

/// What the plan says about an indicator, for tables and validation. Every
/// indicator of the plan is an "at least" indicator (more is better).
struct IndicatorInfo {
  Indicator indicator;
  std::string_view id;        ///< snake_case, as in files and on the command line
  std::string_view group_zh;  ///< the plan's group (办学规模, ...)
  std::string_view group_en;
  std::string_view name_zh;
  std::string_view name_en;
  IndicatorUnit unit;
  std::string_view unit_zh;  ///< the plan's display unit (万人, %, 所, ...)
  std::string_view unit_en;
  double display_scale;  ///< shown value = value / display_scale (1e4 for 万)
  bool computed;         ///< sixlink computes it; else a tracked input
};

/// A value the plan asks an indicator to reach in a year.
struct PlanTarget {
  Indicator indicator = Indicator::kEnrolment;
  int year = 0;
  double value = 0.0;

  friend bool operator==(const PlanTarget&, const PlanTarget&) = default;
};

/// A recorded (observed) value of an indicator in a year: the input for the
/// tracked indicators; for a computed one, the figure the plan itself states
/// (shown as the base value, the computed value stays the value).
struct IndicatorRecord {
  Indicator indicator = Indicator::kEnrolment;
  int year = 0;
  double value = 0.0;

  friend bool operator==(const IndicatorRecord&, const IndicatorRecord&) = default;
};

/// One city's six-industry linkage in a base year.
struct Scenario {
  std::string name;
  int base_year = 2020;
  std::vector<Region> regions;
  std::vector<Cluster> clusters;
  std::vector<Sector> sectors;
  std::vector<Occupation> occupations;
  std::vector<Specialty> specialties;
  std::vector<School> schools;
  std::vector<Programme> programmes;
  std::vector<Enterprise> enterprises;
  std::vector<EmploymentRecord> employment;
  std::vector<PlanTarget> targets;
  std::vector<Pathway> pathways;  ///< explicit links; see analysis/progression.hpp
  std::vector<IndicatorRecord> indicator_values;  ///< tracked values; none by default
  /// Provenance, one line each: which parts of the scenario are illustrative. Reports
  /// print them in their header and as "notes" in JSON.
  std::vector<std::string> notes = {};

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

/// Names used in files and on the command line ("secondary", "retention_rate", ...).
std::string_view to_string(SpecialtyLevel level);
std::string_view to_string(SchoolLevel level);
std::string_view to_string(Indicator indicator);
std::string_view to_string(PathwayKind kind);
std::string_view to_string(IndicatorUnit unit);  ///< "count", "fraction", "ratio", ...
std::optional<SpecialtyLevel> parse_specialty_level(std::string_view text);
std::optional<SchoolLevel> parse_school_level(std::string_view text);
std::optional<Indicator> parse_indicator(std::string_view text);
std::optional<PathwayKind> parse_pathway_kind(std::string_view text);

/// Every indicator, in the order reports list them: the plan's table, then the text's figures.
inline constexpr Indicator kAllIndicators[] = {
    Indicator::kEnrolment,
    Indicator::kFundingRatio,
    Indicator::kSinoForeignProgrammes,
    Indicator::kNationalDoubleHighSchools,
    Indicator::kNationalDoubleExcellentSchools,
    Indicator::kProvincialDoubleHighSchools,
    Indicator::kCityHighLevelSpecialtyGroups,
    Indicator::kDoubleHighShare,
    Indicator::kVocationalEducationGroups,
    Indicator::kIndustryEducationAlliances,
    Indicator::kIntegrationTrainingBases,
    Indicator::kIntegrationEnterprises,
    Indicator::kCollaborativeEducationProjects,
    Indicator::kIntegrationEngineeringProjects,
    Indicator::kMixedOwnershipProjects,
    Indicator::kAboveSizeParticipation,
    Indicator::kTeachingInnovationTeams,
    Indicator::kMasterTeacherStudios,
    Indicator::kDoubleQualifiedTeacherShare,
    Indicator::kPracticalTeachingShare,
    Indicator::kRetentionRate,
    Indicator::kSocialTraining,
    Indicator::kTechnicalServiceIncome,
};

/// The plan's description of `indicator`.
const IndicatorInfo& indicator_info(Indicator indicator);

}  // namespace sixlink
