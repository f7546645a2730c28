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

namespace {

// The plan's table (taizhou-plan-indicators.csv) in its order, then the text's figures.
constexpr IndicatorInfo kInfo[] = {
    {Indicator::kEnrolment, "enrolment", "办学规模", "scale", "职业院校在校生规模",
     "students enrolled in vocational schools", IndicatorUnit::kCount, "万人", "10k students", 1e4,
     true},
    {Indicator::kFundingRatio, "funding_ratio", "办学规模", "scale",
     "公办中职教育生均公用经费与普通高中比例",
     "public secondary-vocational operating funds per student relative to general high school",
     IndicatorUnit::kRatio, "比值 (x:1)", "ratio x:1", 1, false},
    {Indicator::kSinoForeignProgrammes, "sino_foreign_programmes", "办学规模", "scale",
     "中外合作办学项目", "Sino-foreign cooperative programmes", IndicatorUnit::kCount, "个",
     "count", 1, false},
    {Indicator::kNationalDoubleHighSchools, "national_double_high_schools", "双高建设",
     "double-high", "国家高职“双高”学校", "national double-high higher-vocational schools",
     IndicatorUnit::kCount, "所", "schools", 1, false},
    {Indicator::kNationalDoubleExcellentSchools, "national_double_excellent_schools", "双高建设",
     "double-high", "国家中职“双优”学校", "national double-excellent secondary schools",
     IndicatorUnit::kCount, "所", "schools", 1, false},
    {Indicator::kProvincialDoubleHighSchools, "provincial_double_high_schools", "双高建设",
     "double-high", "省“双高计划”职业院校", "provincial double-high plan schools",
     IndicatorUnit::kCount, "所", "schools", 1, false},
    {Indicator::kCityHighLevelSpecialtyGroups, "city_high_level_specialty_groups", "双高建设",
     "double-high", "市高水平专业（群）", "city high-level specialty groups", IndicatorUnit::kCount,
     "个", "count", 1, false},
    {Indicator::kDoubleHighShare, "double_high_share", "双高建设", "double-high",
     "学生“双高”/“双优”学校就读率", "share of students in double-high / double-excellent schools",
     IndicatorUnit::kFraction, "%", "%", 0.01, true},
    {Indicator::kVocationalEducationGroups, "vocational_education_groups", "产教融合",
     "industry-education integration", "国家、省示范性职教集团或联盟",
     "national/provincial model vocational-education groups or alliances", IndicatorUnit::kCount,
     "家", "count", 1, false},
    {Indicator::kIndustryEducationAlliances, "industry_education_alliances", "产教融合",
     "industry-education integration", "产教融合联盟", "industry-education alliances",
     IndicatorUnit::kCount, "个", "count", 1, false},
    {Indicator::kIntegrationTrainingBases, "integration_training_bases", "产教融合",
     "industry-education integration", "产教融合示范基地/高水平公共实训基地",
     "model bases / high-level public training bases", IndicatorUnit::kCount, "个", "count", 1,
     false},
    {Indicator::kIntegrationEnterprises, "integration_enterprises", "产教融合",
     "industry-education integration", "产教融合型企业",
     "industry-education integration enterprises", IndicatorUnit::kCount, "家", "count", 1, false},
    {Indicator::kCollaborativeEducationProjects, "collaborative_education_projects", "产教融合",
     "industry-education integration", "产学合作协同育人项目",
     "industry-university collaborative education projects", IndicatorUnit::kCount, "个", "count",
     1, false},
    {Indicator::kIntegrationEngineeringProjects, "integration_engineering_projects", "产教融合",
     "industry-education integration", "产教融合工程项目",
     "industry-education integration engineering projects", IndicatorUnit::kCount, "个", "count", 1,
     false},
    {Indicator::kMixedOwnershipProjects, "mixed_ownership_projects", "产教融合",
     "industry-education integration", "混合所有制办学项目", "mixed-ownership school projects",
     IndicatorUnit::kCount, "个", "count", 1, false},
    {Indicator::kAboveSizeParticipation, "above_size_participation", "产教融合",
     "industry-education integration", "规上企业参与职教比例",
     "share of enterprises above designated size (规上) taking part in vocational education",
     IndicatorUnit::kFraction, "%", "%", 0.01, true},
    {Indicator::kTeachingInnovationTeams, "teaching_innovation_teams", "师资队伍", "teachers",
     "国家、省、市教师教学创新团队", "national/provincial/city teaching innovation teams",
     IndicatorUnit::kCount, "个", "count", 1, false},
    {Indicator::kMasterTeacherStudios, "master_teacher_studios", "师资队伍", "teachers",
     "省、市名师/名技师/名班主任工作室", "provincial/city master-teacher studios",
     IndicatorUnit::kCount, "个", "count", 1, false},
    {Indicator::kDoubleQualifiedTeacherShare, "double_qualified_teacher_share", "师资队伍",
     "teachers", "“双师型”教师占专业课教师比例（正文）",
     "double-qualified teachers among specialty teachers (text)", IndicatorUnit::kFraction, "%",
     "%", 0.01, false},
    {Indicator::kPracticalTeachingShare, "practical_teaching_share", "师资队伍", "teachers",
     "实践性教学课时占总课时比例（正文）", "practical teaching among all teaching hours (text)",
     IndicatorUnit::kFraction, "%", "%", 0.01, false},
    {Indicator::kRetentionRate, "retention_rate", "社会服务", "social service",
     "中高职院校毕业生留台率",
     "local retention of secondary and higher vocational graduates in Taizhou",
     IndicatorUnit::kFraction, "%", "%", 0.01, true},
    {Indicator::kSocialTraining, "social_training", "社会服务", "social service", "社会培训量",
     "social training volume", IndicatorUnit::kPersonTimes, "万人次/年", "10k person-times a year",
     1e4, true},
    {Indicator::kTechnicalServiceIncome, "technical_service_income", "社会服务", "social service",
     "技术服务到款额", "technical-service income received", IndicatorUnit::kYuan, "万元/年",
     "10k yuan a year", 1e4, false},
};

}  // namespace

const IndicatorInfo& indicator_info(Indicator indicator) {
  for (const IndicatorInfo& info : kInfo) {
    if (info.indicator == indicator) return info;
  }
  return kInfo[0];  // unreachable for a valid enum value
}

std::string_view to_string(Indicator indicator) {
  for (const IndicatorInfo& info : kInfo) {
    if (info.indicator == indicator) return info.id;
  }
  return "?";
}

std::string_view to_string(IndicatorUnit unit) {
  switch (unit) {
    case IndicatorUnit::kCount:
      return "count";
    case IndicatorUnit::kFraction:
      return "fraction";
    case IndicatorUnit::kRatio:
      return "ratio";
    case IndicatorUnit::kPersonTimes:
      return "person_times_per_year";
    case IndicatorUnit::kYuan:
      return "yuan_per_year";
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
  // The name files used before the participation indicator moved to the 规上 definition.
  if (text == "large_firm_participation") return Indicator::kAboveSizeParticipation;
  return std::nullopt;
}

}  // namespace sixlink
