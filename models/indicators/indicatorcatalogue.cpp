// The built-in rural digital-economy indicators, with their units, ranges and sources.
#include "indicatorcatalogue.h"

#include <QHash>
#include <QLocale>

namespace dv {

namespace {

struct Definition {
    const char *id;
    const char *nameZh; // UTF-8
    const char *nameEn; // marked for translation
    const char *unit;
    int decimals;
    IndicatorDimension dimension;
    double minimum;
    double maximum;
    bool inIndex;
    const char *source; // UTF-8, Chinese: it is data, as offices write it
};

constexpr double kInf = std::numeric_limits<double>::infinity();
using D = IndicatorDimension;

// Absolute amounts (亿元, 万元, 亩) grow with a county's size, and pig survival exists only where
// farms are monitored: they are shown but left out of the composite index, which compares
// rates and shares.
const Definition kDefinitions[] = {
    { "de_value_added", "数字经济增加值",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Digital-economy value added"), "亿元", 2,
        D::Economy, 0, kInf, false,
        "县级统计部门数字经济核算；数字产业化与产业数字化增加值之和。" },
    { "de_growth", "数字经济增加值增速",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Digital-economy growth"), "%", 1, D::Economy,
        -100, kInf, true,
        "按现价计算的数字经济增加值同比增速。全省2021年为20.6%，高于全国平均4.4个百分点。" },
    { "de_gdp_share", "数字经济占GDP比重",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Digital economy share of GDP"), "%", 1,
        D::Economy, 0, 100, true, "数字经济增加值占地区生产总值的比重。" },
    { "internet_penetration", "农村互联网普及率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Rural internet penetration"), "%", 1,
        D::Infrastructure, 0, 100, true, "通信管理局；农村常住人口中网民所占比例。" },
    { "household_broadband", "农村家庭宽带接入率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Rural household broadband"), "%", 1,
        D::Infrastructure, 0, 100, true, "通信管理局；接入固定宽带的农村家庭所占比例。" },
    { "villages_5g", "5G通达行政村比例",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Administrative villages with 5G"), "%", 1,
        D::Infrastructure, 0, 100, true, "通信管理局；已通5G网络的行政村所占比例。" },
    { "agri_informatisation", "农业生产信息化率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Agricultural production informatisation"), "%",
        1, D::Economy, 0, 100, true, "农业农村部门《全国县域农业农村信息化发展水平评价》口径。" },
    { "livestock_informatisation", "畜禽养殖信息化率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Livestock informatisation"), "%", 1,
        D::Economy, 0, 100, true, "农业农村部门；农业生产信息化率中畜禽养殖部分。" },
    { "facility_informatisation", "设施栽培信息化率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Facility-farming informatisation"), "%", 1,
        D::Economy, 0, 100, true, "农业农村部门；农业生产信息化率中设施栽培部分。" },
    { "online_farm_sales", "农产品网络零售额",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Online retail sales of farm products"), "万元",
        0, D::Economy, 0, kInf, false, "商务部门电子商务统计。" },
    { "online_farm_sales_share", "农产品网络零售额占比",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Online share of farm-product sales"), "%", 1,
        D::Economy, 0, 100, true, "商务部门；农产品网络零售额占农产品销售总额的比重。" },
    { "online_gov_services", "涉农政务服务在线办理率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Rural affairs handled online"), "%", 1,
        D::Governance, 0, 100, true, "政务服务管理部门；可在线办理的涉农政务服务事项所占比例。" },
    { "ecommerce_station_coverage", "电商服务站行政村覆盖率",
        QT_TRANSLATE_NOOP(
            "dv::IndicatorCatalogue", "Villages covered by e-commerce service stations"),
        "%", 1, D::Life, 0, 100, true, "商务部门；设有电子商务服务站点的行政村所占比例。" },
    { "telemedicine_clinics", "村卫生室远程医疗覆盖率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Village clinics with telemedicine"), "%", 1,
        D::Life, 0, 100, true, "卫生健康部门；接入远程医疗的村卫生室所占比例。" },
    { "tea_sensor_area", "茶园物联网监测面积",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Tea-garden area under sensors"), "亩", 0,
        D::Economy, 0, kInf, false, "农业农村部门；布设物联网传感器的茶园面积。" },
    { "pig_survival", "生猪养殖成活率",
        QT_TRANSLATE_NOOP("dv::IndicatorCatalogue", "Pig survival rate"), "%", 1, D::Economy, 0,
        100, false, "智慧养殖平台；接入监测的规模猪场出栏数占同期存栏与出生数的比例。" },
};

std::vector<Indicator> makeBuiltIns()
{
    std::vector<Indicator> out;
    for (const Definition &d : kDefinitions) {
        Indicator i;
        i.id = QString::fromLatin1(d.id);
        i.nameZh = QString::fromUtf8(d.nameZh);
        i.nameEn = QString::fromLatin1(d.nameEn);
        i.unit = QString::fromUtf8(d.unit);
        i.decimals = d.decimals;
        i.higherIsBetter = true;
        i.dimension = d.dimension;
        i.source = QString::fromUtf8(d.source);
        i.minimum = d.minimum;
        i.maximum = d.maximum;
        i.inIndex = d.inIndex;
        i.builtIn = true;
        out.push_back(i);
    }
    return out;
}

} // namespace

const std::vector<Indicator> &IndicatorCatalogue::builtIns()
{
    static const std::vector<Indicator> all = makeBuiltIns();
    return all;
}

const Indicator *IndicatorCatalogue::builtIn(const QString &id)
{
    for (const Indicator &i : builtIns()) {
        if (i.id == id)
            return &i;
    }
    return nullptr;
}

QString IndicatorCatalogue::displayUnit(const QString &unit)
{
    return displayUnit(unit, QLocale().language() == QLocale::Chinese);
}

QString IndicatorCatalogue::displayUnit(const QString &unit, bool chinese)
{
    const QString u = unit.trimmed();
    if (chinese)
        return u;
    // English source texts: the Chinese interface never gets here, so these need no Chinese
    // translation, and an English one is the source itself.
    static const QHash<QString, const char *> english = {
        { QStringLiteral("亿元"), QT_TR_NOOP("100 million yuan") },
        { QStringLiteral("万元"), QT_TR_NOOP("10,000 yuan") },
        { QStringLiteral("元"), QT_TR_NOOP("yuan") },
        { QStringLiteral("元/人"), QT_TR_NOOP("yuan per person") },
        { QStringLiteral("亩"), QT_TR_NOOP("mu") },
        { QStringLiteral("万亩"), QT_TR_NOOP("10,000 mu") },
        { QStringLiteral("公顷"), QT_TR_NOOP("ha") },
        { QStringLiteral("个"), QT_TR_NOOP("number") },
        { QStringLiteral("家"), QT_TR_NOOP("businesses") },
        { QStringLiteral("户"), QT_TR_NOOP("households") },
        { QStringLiteral("人"), QT_TR_NOOP("people") },
        { QStringLiteral("万人"), QT_TR_NOOP("10,000 people") },
        { QStringLiteral("万人次"), QT_TR_NOOP("10,000 visits") },
        { QStringLiteral("人次"), QT_TR_NOOP("visits") },
        { QStringLiteral("吨"), QT_TR_NOOP("t") },
        { QStringLiteral("头"), QT_TR_NOOP("head") },
        { QStringLiteral("分"), QT_TR_NOOP("points") },
        { QStringLiteral("％"), "%" },
    };
    const auto it = english.constFind(u);
    return it == english.constEnd() ? u : tr(*it);
}

} // namespace dv
