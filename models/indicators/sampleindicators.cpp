// The bundled sample: plausible 2019–2025 indicator values for the 88 counties (示例数据).
#include "sampleindicators.h"

#include "indicatorcatalogue.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace dv {

// The model. Each county gets a latent "digital level" L in [0, 1]: Guiyang's urban districts
// (prefecture 5201, names ending in 区) 0.85–0.95, other urban districts 0.55–0.75,
// county-level cities 0.45–0.7, counties 0.15–0.5. With t = (year − 2019) / 6, the rates rise
// with L and t plus small noise, and are clamped to their range: internet penetration
// 42 + 30L + 22t, broadband 48 + 28L + 24t, villages with 5G from nothing in 2019 to
// 55 + 40L by 2025, agricultural informatisation 15 + 15L + 15t (livestock about 5 points
// higher, facility farming about 2), online share of farm sales 5 + 10L + 10t, rural affairs
// online 60 + 20L + 25t, e-commerce station coverage 55 + 25L + 30t, telemedicine
// 20 + 30L + 45t.
//
// Digital economy: each county has a GDP (2018 base by kind of county, the province's yearly
// growth 2019–2025 of 8.3, 4.5, 8.1, 1.2, 4.9, 5.3, 5.0 % ± 1.5 points, all scaled so the
// counties add up to Guizhou's 2019 GDP of 16,769 亿元) and a digital share of GDP rising
// about 2–3 points a year. Guiyang's urban districts start at 38 % and pass 50 % by 2023 (in
// 2023 the digital economy was over half of Guiyang's GDP). Value added = share × GDP; then
// every value from 2021 on is scaled by one factor so the province's value added grows by
// exactly 20.6 % in 2021 (4.4 points above the national 16.2 %); growth per county follows
// from its own value added. Online farm sales scale with GDP and L, growing 15–25 % a year.
//
// Pig survival exists only where the bundled sites have monitored pig farms: 96.2–99.0 %.
// Tea-garden area under sensors exists only in counties with bundled tea gardens: a multiple
// of the sample gardens' area, growing about 30 % a year.

namespace {

// Uniform in [0, 1) from mt19937's raw 32-bit output: identical on every platform.
class Random {
public:
    explicit Random(unsigned seed)
        : mEngine(seed)
    {
    }
    double uniform() { return mEngine() / 4294967296.0; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Box–Muller.
    double normal(double sigma)
    {
        const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        return sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::mt19937 mEngine;
};

enum class Kind { GuiyangUrban, Urban, City, County };

Kind kindOf(const County &c)
{
    const bool district = c.name.endsWith(QChar(0x533A)); // 区
    if (district && c.prefectureCode == QLatin1String("5201"))
        return Kind::GuiyangUrban;
    if (district)
        return Kind::Urban;
    if (c.name.endsWith(QChar(0x5E02))) // 市
        return Kind::City;
    return Kind::County;
}

double round(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

double clamp(double v, double lo, double hi)
{
    return std::min(hi, std::max(lo, v));
}

constexpr int kYears = SampleIndicators::kLastYear - SampleIndicators::kFirstYear + 1;
// Guizhou's GDP growth (real, %), 2019..2025; the last two are estimates.
constexpr double kGdpGrowth[kYears] = { 8.3, 4.5, 8.1, 1.2, 4.9, 5.3, 5.0 };
constexpr double kGdp2019 = 16769.34; // 亿元
constexpr double kGrowth2021 = 1.206;

} // namespace

std::vector<IndicatorValue> SampleIndicators::generate(const CountyDirectory &directory)
{
    Random rng(kSeed);
    const auto &counties = directory.counties();
    const std::size_t n = counties.size();
    std::vector<IndicatorValue> out;
    if (n == 0)
        return out;
    auto add = [&](const County &c, const char *indicator, int year, double value) {
        const Indicator *def = IndicatorCatalogue::builtIn(QString::fromLatin1(indicator));
        value = round(clamp(value, def->minimum, def->maximum), def->decimals);
        out.push_back({ c.code, def->id, year, value });
    };

    // Index 0 is 2018 (the base of 2019's growth), 1..kYears are 2019..2025.
    std::vector<std::array<double, kYears + 1>> gdp(n), share(n), va(n);
    std::vector<double> level(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Kind kind = kindOf(counties[i]);
        double base = 0, shareStart = 0, shareStep = 0;
        switch (kind) {
        case Kind::GuiyangUrban:
            level[i] = rng.uniform(0.85, 0.95);
            base = rng.uniform(450, 800);
            shareStart = 38;
            shareStep = 3.2;
            break;
        case Kind::Urban:
            level[i] = rng.uniform(0.55, 0.75);
            base = rng.uniform(150, 400);
            shareStart = 22;
            shareStep = 2.2;
            break;
        case Kind::City:
            level[i] = rng.uniform(0.45, 0.7);
            base = rng.uniform(200, 400);
            shareStart = 20;
            shareStep = 2.0;
            break;
        case Kind::County:
            level[i] = rng.uniform(0.15, 0.5);
            base = rng.uniform(60, 180);
            shareStart = 10 + 8 * level[i];
            shareStep = 1.8;
            break;
        }
        gdp[i][0] = base;
        for (int y = 0; y <= kYears; ++y) {
            if (y > 0)
                gdp[i][y]
                    = gdp[i][y - 1] * (1 + (kGdpGrowth[y - 1] + rng.uniform(-1.5, 1.5)) / 100);
            share[i][y] = shareStart + shareStep * y + rng.uniform(-1.5, 1.5);
        }
    }
    double sum2019 = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum2019 += gdp[i][1];
    double total[kYears + 1] = {};
    for (std::size_t i = 0; i < n; ++i) {
        for (int y = 0; y <= kYears; ++y) {
            gdp[i][y] *= kGdp2019 / sum2019;
            va[i][y] = round(gdp[i][y] * share[i][y] / 100, 2);
            total[y] += va[i][y];
        }
    }
    // 2021 is index 3: one factor from 2021 on keeps later growth as generated.
    const double factor = kGrowth2021 * total[2] / total[3];
    for (std::size_t i = 0; i < n; ++i) {
        for (int y = 3; y <= kYears; ++y)
            va[i][y] = round(va[i][y] * factor, 2);
    }

    for (std::size_t i = 0; i < n; ++i) {
        const County &c = counties[i];
        const double L = level[i];
        const CountySites sites = directory.sites(c.code);
        const double agriBase = 15 + 15 * L;
        double sales = (800 + 9000 * L) * gdp[i][1] / 150 * rng.uniform(0.8, 1.2);
        double teaArea = sites.teaGardenMu * rng.uniform(3, 8);
        for (int y = 1; y <= kYears; ++y) {
            const int year = kFirstYear + y - 1;
            const double t = (year - kFirstYear) / 6.0;
            add(c, "de_value_added", year, va[i][y]);
            add(c, "de_growth", year, (va[i][y] / va[i][y - 1] - 1) * 100);
            add(c, "de_gdp_share", year, va[i][y] / gdp[i][y] * 100);
            add(c, "internet_penetration", year, 42 + 30 * L + 22 * t + rng.normal(1.5));
            add(c, "household_broadband", year, 48 + 28 * L + 24 * t + rng.normal(1.5));
            const double fiveG = year == kFirstYear
                ? 0
                : std::pow((year - kFirstYear) / 6.0, 0.8) * (55 + 40 * L) + rng.normal(2);
            add(c, "villages_5g", year, fiveG);
            const double agri = agriBase + 15 * t + rng.normal(1);
            add(c, "agri_informatisation", year, agri);
            add(c, "livestock_informatisation", year, agri + 5 + rng.normal(1.5));
            add(c, "facility_informatisation", year, agri + 2 + rng.normal(1.5));
            if (y > 1)
                sales *= 1 + rng.uniform(0.15, 0.25);
            add(c, "online_farm_sales", year, sales);
            add(c, "online_farm_sales_share", year, 5 + 10 * L + 10 * t + rng.normal(0.8));
            add(c, "online_gov_services", year, 60 + 20 * L + 25 * t + rng.normal(1.5));
            add(c, "ecommerce_station_coverage", year, 55 + 25 * L + 30 * t + rng.normal(2));
            add(c, "telemedicine_clinics", year, 20 + 30 * L + 45 * t + rng.normal(2));
            if (sites.teaGardens > 0) {
                if (y > 1)
                    teaArea *= 1 + rng.uniform(0.25, 0.35);
                add(c, "tea_sensor_area", year, teaArea);
            }
            if (sites.pigFarms > 0)
                add(c, "pig_survival", year,
                    clamp(
                        96.4 + 0.2 * (year - kFirstYear) + 1.2 * L + rng.normal(0.3), 96.2, 99.0));
        }
    }
    return out;
}

std::optional<std::vector<IndicatorValue>> SampleIndicators::generateBundled(QString *error)
{
    const auto counties = CountyDirectory::loadBundled(error);
    if (!counties)
        return std::nullopt;
    return generate(*counties);
}

} // namespace dv
