# 创新图谱 — 简体中文界面。键与 en-US/atlas.ftl 相同；测试检查两个文件定义的键与源代码所用的键完全一致。

## Actions (menus, palette)
action-open = 打开…
action-save = 保存
action-save-as = 另存为…
action-undo = 撤销
action-redo = 重做
action-new-node = 新建节点…
action-edit-selection = 编辑所选节点或边…
action-connect-selection = 将所选节点连接到…
action-delete-selection = 删除所选节点或边
action-ego-focus = 聚焦所选节点的邻域（开/关）
action-ego-more = 聚焦：多一跳
action-ego-less = 聚焦：少一跳
action-find-paths = 查找两个所选节点之间的路径
action-play-timeline = 播放 / 停止时间轴
action-present = 演示导览（全屏）
action-next-view = 下一个视图
action-previous-view = 上一个视图
action-toggle-minimap = 显示 / 隐藏小地图
action-export-svg = 将视图导出为 SVG…
action-export-png = 将视图导出为 PNG…
action-theme-projector = 主题：投影（浅色、高对比度、大标签）
action-layout-force = 布局：力导向（实时）
action-layout-layered = 布局：按类型分层
action-layout-radial = 布局：以所选节点为中心的放射状
action-layout-circular-kind = 布局：按类型环形
action-layout-circular-community = 布局：按社区环形
action-layout-geographic = 布局：地理（在深圳地图上定位地点）
action-reload = 从磁盘重新加载
action-open-shipped = 打开深圳图谱
action-save-layout = 保存布局（位置附属文件）
action-quit = 退出
action-fit-view = 使图谱适合视图
action-toggle-layout = 暂停 / 继续布局
action-rerun-layout = 重新运行布局
action-new-seed = 用新的随机种子重新运行布局
action-find = 查找…
action-command-palette = 命令面板…
action-clear-selection = 清除选择
action-select-neighbours = 选择所选节点的邻居
action-unpin-all = 取消固定所有节点
action-labels-english = 标签：English
action-labels-chinese = 标签：中文
action-labels-both = 标签：中英双语
action-theme-light = 主题：浅色
action-theme-dark = 主题：深色
action-toggle-legend = 显示 / 隐藏图例
action-show-all-kinds = 显示所有类型和关系
action-ui-english = 界面：English
action-ui-chinese = 界面：中文

## Palette
palette-title = 命令面板
palette-hint = 输入命令（中文、English 或拼音）…

## Status bar
status-shown = 显示 { $shown_nodes } / { $nodes } 个节点 · { $shown_edges } / { $edges } 条边
status-layout-running = 布局运行中（种子 { $seed }，第 { $iterations } 次迭代）
status-layout-paused = 布局已暂停（种子 { $seed }，第 { $iterations } 次迭代）
status-layout-starting = 布局启动中：由粗到细（种子 { $seed }）…

## Menus
menu-file = 文件
menu-edit = 编辑
menu-view = 视图
menu-analyse = 分析
menu-layout = 布局
menu-present = 演示
menu-undo-what = 撤销 { $what }
menu-redo-what = 重做 { $what }
menu-pause-layout = 暂停布局
menu-run-layout = 运行布局
menu-fit-view = 适合视图

## Buttons
button-ok = 确定
button-copy = 复制
button-apply = 应用
button-cancel = 取消
button-save = 保存
button-discard = 放弃
button-recover = 恢复
button-delete = 删除

## Inspector
inspector-title = 检查器
inspector-nodes-selected = 已选择 { $count } 个节点
inspector-hint-click = 点击节点或边，查看其名称、来源和邻居。
inspector-hint-shift = Shift/Ctrl 点击可加入选择；拖动节点可将其固定。
inspector-sources = 来源（{ $count }）
inspector-unknown-source = — 未知来源 { $source }
inspector-id = 标识：{ $id }
inspector-aliases = 别名：{ $aliases }
inspector-first-attested = 最早记载：{ $year } 年
inspector-pinned = 已固定
inspector-attributes = 属性
inspector-over-time = 历年变化（同一指标，各年份与来源）
inspector-target = （目标）
inspector-neighbours = 邻居（{ $count }）
inspector-edge-button = 边
inspector-edge-tip = 显示这条边的来源
inspector-year = 年份：{ $year }
inspector-inferred = 推断：来源隐含此关系，但未明确陈述

## Error dialog
error-many = 发现许多问题（仅列出前面几条）。原先打开的图谱保持打开。
error-count = 发现 { $count } 个问题。原先打开的图谱保持打开。

## Legend
legend-title = 图例
legend-size-by = 大小 = { $metric } · → 方向
legend-size-degree = 大小 = 度 · → 方向
legend-colour-community = 颜色 = 社区（{ $count } 个）
legend-community = #{ $n } · { $count } 个节点
legend-any-colour = 任意颜色
legend-colour-by = 颜色 = { $metric }

## Search
search-title = 搜索
search-hint = 搜索：中文、English、拼音…
search-no-match = 无匹配
search-matched = 匹配“{ $matched }” · { $id }

## Metrics
metrics-title = 指标
metrics-hint = 按当前显示的图谱计算（筛选、时间轴和聚焦均生效）。
metrics-kind = 类型
metrics-size = 大小
metrics-colour = 颜色
metrics-computing = （计算中…）
metrics-node = 节点
metrics-sort-tip = { $zh } { $en } — 点击排序
metrics-summary = { $nodes } 个节点 · { $communities } 个社区 · 模块度 { $modularity }

## Paths
paths-title = 路径
paths-hint = 选择两个节点（Shift 点击），然后查找路径（P）。
paths-count = 条路径
paths-either-direction = 任意方向
paths-along-arrows = 仅沿箭头方向
paths-relations-any = 关系：任意
paths-relations-chosen = 关系：已选 { $count } 种
paths-find = 查找路径
paths-clear = 清除
paths-path = 路径 { $n } · { $hops } 跳

## Filters and focus
filters-kinds = 类型
filters-relations = 关系
focus-timeline = 时间轴
focus-no-dated = 没有带日期的事实
focus-as-of-year = 显示某一年的图谱
focus-year = 年份
focus-play = 播放
focus-stop = 停止
focus-play-tip = 逐年播放（Y）
focus-neighbourhood = 邻域聚焦
focus-on-selection = 聚焦所选节点
focus-on-selection-tip = 只显示距所选节点 N 跳以内的节点（O，然后 + / −）
focus-around = 围绕 { $count } 个节点
focus-hops = 跳数
focus-dir-both = 双向
focus-dir-out = 出
focus-dir-in = 入
focus-show-everything = 显示全部
focus-more-filters = 更多筛选
focus-min-degree = 最小度
focus-max-degree = 最大度
focus-all-sources = 所有来源
focus-source = 来源
focus-search-filters = 搜索同时筛选图谱
focus-search-filters-tip = 只显示搜索匹配项及其邻居

## Views
views-title = 视图集
views-hint = 视图保存镜头、筛选、聚焦、高亮、布局和语言。F5 按顺序演示。
views-new-name = 新视图的名称
views-save-current = 保存当前视图
views-present = 演示（F5）
views-name = 名称
views-name-hint = 名称
views-caption-zh = 说明（中文）
views-caption-zh-hint = 说明（中文）
views-caption-en = 说明（英文）
views-caption-en-hint = caption (English)
views-update = 用当前画面更新
views-up = 上移
views-down = 下移
views-delete = 删除

## Questions
prompt-unsaved-title = 未保存的更改
prompt-unsaved-loaded = 您打开的文件已加载完毕，但当前图谱有尚未保存的编辑。切换前先保存吗？（取消将保留您的编辑并放弃已加载的文件。）
prompt-unsaved-body = 图谱有尚未保存的编辑。先保存吗？
prompt-disk-title = 磁盘上的文件已更改
prompt-disk-body = 另一个程序更改了打开的文件，而您在此处有未保存的编辑。
prompt-reload-discard = 重新加载（放弃我的编辑）
prompt-keep-mine = 保留我的（覆盖文件）
prompt-decide-later = 稍后决定
prompt-recover-title = 恢复未保存的编辑？
prompt-recover-body = 创新图谱上次未正常关闭，保留了 { $path } 的未保存编辑。

## Editor
editor-new-node = 新建节点
editor-edit-node = 编辑节点
editor-connect = 连接
editor-edit-edge = 编辑边
editor-id = 标识
editor-kind = 类型
editor-name-zh = 名称（中文）
editor-name-en = 名称（英文）
editor-aliases = 别名
editor-key = 键
editor-value = 值
editor-add-attribute = + 属性
editor-from = 从：{ $name }
editor-relation = 关系
editor-to = 到：{ $name }
editor-pick-below = （在下方选择）
editor-find-other = 查找另一个节点…
editor-year = 年份
editor-inferred = 推断（隐含而非明确陈述：请引用每一段原文）
editor-edit-button = 编辑…
editor-connect-button = 连接到…
editor-citations = 引用（来源 + 原文摘录）
editor-quote-hint = 来源中的原文摘录
editor-add-citation = + 引用
editor-remove = 移除

## Window and loading
status-opened = 已打开 { $file } — { $nodes } 个节点，{ $edges } 条边
banner-disk-errors = 磁盘上的文件有错误；最后一个正确的图谱保持打开：
banner-reread-no-thread = { $path }：已在磁盘上更改，但无法重新读取（无法启动线程：{ $problem }）
banner-reread-failed = { $path }：无法重新读取：{ $problem }
loading-progress = 正在加载 { $file }（{ $mb } MB）— { $seconds } 秒
loading-hint = 当前图谱仍可使用；加载完成后将被替换。
file-graphs = 图谱（RON、GraphML、GEXF、GML、JSON、CSV、DOT）
file-atlas-graph = 创新图谱文件（RON）
file-png-image = PNG 图像
file-svg-drawing = SVG 矢量图
views-default-name = 视图 { $n }

## Error dialog titles
err-open = 无法打开 { $file }
err-save = 无法保存
err-save-nothing-lost = 没有丢失任何内容：磁盘上的文件未改变。
err-save-layout = 无法保存布局
err-edit-refused = 该编辑被拒绝
err-views-unreadable = 无法读取已保存的视图
err-views-save = 无法保存视图
err-render-png = 无法渲染 PNG
err-export = 无法导出
err-recovery-unreadable = 无法读取恢复文件

## Status messages
msg-ego-needs-selection = 请先选择一个节点，才能聚焦其邻域
msg-paths-need-two = 请恰好选择两个节点（Shift 点击第二个），然后查找路径。
msg-radial-needs-selection = 请选择一个节点，其他节点将围绕它排成环形
msg-no-geo-sidecar = 数据文件旁没有地理附属文件（{ $file }）：地图上没有可定位的内容
msg-geo-not-used = 未使用地理附属文件：{ $problem }
msg-geo-layout = 地理布局：{ $places } 个地点位于其坐标处，其余节点放在与其相连的节点旁
msg-geo-unknown-ids = ；地理附属文件中的未知标识：{ $ids }
msg-views-warning = 视图：{ $warning }
msg-views-warnings = 视图：{ $warning }（另有 { $more } 条）
msg-views-builtin = 内置图谱的视图会一直保留，直到您将图谱保存为文件
msg-view-missing = 视图“{ $view }”：本图谱中没有：{ $missing }
msg-view-layout-needs-selection = 此视图以 { $layout } 布局保存：请选择一个节点，然后从“布局”菜单中选择它
msg-exported = 已导出 { $path }
msg-done = 已完成：{ $what }
msg-undone = 已撤销：{ $what }
msg-redone = 已重做：{ $what }
msg-nothing-to-undo = 没有可撤销的操作
msg-nothing-to-redo = 没有可重做的操作
msg-cannot-undo = 无法撤销：{ $problem }
msg-cannot-redo = 无法重做：{ $problem }
msg-cannot-encode = 无法编码图谱：{ $problem }
msg-saved = 已保存 { $path }
msg-save-read-only = { $path } 是只读的（已安装的示例）：请选择保存副本的位置。
msg-layout-sidecar = 布局附属文件：{ $warning }
msg-layout-sidecar-more = 布局附属文件：{ $warning }（另有 { $more } 条）
msg-curation-warnings = 已打开，有 { $count } 条整理警告（`innovation-atlas check` 会列出）：{ $first }
msg-recovered = 已从 { $path } 恢复未保存的编辑
msg-recovery-write = 无法写入恢复文件：{ $problem }
msg-builtin-no-layout-file = 内置图谱没有文件，无法在其旁保存布局
msg-layout-saved = 布局已保存到 { $path }
msg-layout-saved-aside = 布局已保存到 { $path }；{ $aside }
msg-not-watching = 未监视 { $path } 的更改：{ $problem }
msg-reloaded-views = 已从 { $path } 重新加载视图
msg-reloaded = 外部更改后已重新加载 { $path }
msg-reloaded-warnings = 外部更改后已重新加载 { $path }，有 { $count } 条警告：{ $warning }

## Undo descriptions of view edits
edit-add-view = 添加视图 { $name }
edit-update-view = 更新视图 { $name }
edit-edit-view = 编辑视图 { $name }
edit-delete-view = 删除视图 { $name }
edit-reorder-views = 重新排序视图

## edits: what the undo/redo entries and the status bar say, and why an edit is refused
edit-add-node = 添加节点 { $id }
edit-delete-node = 删除节点 { $id }
edit-edit-node = 编辑节点 { $id }
edit-add-edge = 添加关系 { $from } → { $to }
edit-delete-edge = 删除关系 { $from } → { $to }
edit-edit-edge = 编辑关系 { $from } → { $to }
edit-move-node = 移动 { $id }
edit-move-nodes = 移动 { $count } 个节点
edit-restyle-kind = 更改类型 { $kind } 的样式
edit-batch = { $count } 项更改
edit-what-node = 节点 { $id }
edit-what-edge = 关系 { $from } → { $to }
edit-err-node-index = 无法在位置 { $index } 插入节点
edit-err-node-moved = 节点 { $id } 不在预期位置
edit-err-node-has-edges = 节点 { $id } 仍有关系，请先删除这些关系
edit-err-node-changed = 节点 { $id } 已被其他操作更改
edit-err-edge-index = 无法在位置 { $index } 插入关系
edit-err-edge-moved = 关系 { $from } → { $to } 不在预期位置
edit-err-edge-changed = 关系 { $from } → { $to } 已被其他操作更改
edit-err-vocab-changed = 词表已被其他操作更改（正在更改 { $kind } 的样式）
edit-err-no-id = 节点需要一个 ID
edit-err-slug = ID“{ $id }”必须是小写标识（a-z、0-9、-）
edit-err-duplicate-id = 已存在 ID 为“{ $id }”的节点
edit-err-no-name = 节点需要名称（中文或英文）
edit-err-unknown-kind = 未知类型 { $kind }
edit-err-no-node = 不存在 ID 为“{ $id }”的节点
edit-err-unknown-relation = 未知关系 { $rel }
edit-err-no-citation = { $what } 至少需要一条引用（来源和原文）
edit-err-unknown-source = { $what } 引用了未知来源“{ $source }”
edit-err-empty-quote = { $what } 的引用原文为空

## sources
inspector-show-in-source = 在原文中查看
reader-title = 原文阅读
reader-no-sources = 此图谱没有来源文档。
reader-cannot-read = 无法读取来源：{ $problem }
reader-search-hint = 在此来源中搜索
reader-search-previous = 上一个匹配
reader-search-next = 下一个匹配（回车）
reader-search-count = 第 { $current } / { $count } 处
reader-coverage = 已引用 { $cited } / { $sentences } 句（{ $percent }%）
reader-uncited-toggle = 未引用的陈述（{ $count }）
reader-cited-by = 引用此段的
reader-click-to-select = 点击在画布上选中
reader-new-node = 新建引用此段的节点
reader-new-edge = 新建引用此段的关系
reader-new-edge-needs-two = 请先在画布上选中两端（Shift+点击）
reader-add-citation = 作为引文加入所选项
reader-kind = 类型
reader-name-zh = 名称（中文）
reader-name-en = 名称（English）
reader-create-node = 创建节点
reader-create-edge = 创建关系
reader-swap = 交换两端
reader-add-source = 添加来源…
reader-add-source-tip = 添加 .txt、.md、.html 或 .pdf 文档（也可拖放到窗口上）
reader-add-failed = 无法添加此文件：{ $problem }
reader-add-title = 新来源：请核对信息
reader-add-title-zh = 标题（中文）
reader-add-title-en = 标题（English）
reader-add-date = 日期（YYYY-MM-DD）
reader-add-publisher = 发布者
reader-add-url = 网址（URL）
reader-add-id = 标识
reader-add-preview = 正文 { $chars } 字，保存为 sources/{ $file }
reader-add-confirm = 添加来源
reader-add-cancel = 取消
reader-source-label = 来源
reader-relation = 关系
edit-add-source = 添加来源 { $id }
edit-remove-source = 移除来源 { $id }
edit-err-source-moved = 来源 { $id } 不在预期位置
edit-err-source-cited = 来源 { $id } 仍被引用
edit-err-source-no-id = 来源需要标识
edit-err-source-duplicate = 已有标识为“{ $id }”的来源
edit-err-source-file = “{ $file }”不是单纯的文件名
edit-err-source-file-taken = 已有其他来源保存为 { $file }
edit-err-source-index = 无法在位置 { $index } 插入来源

## a11y
action-zoom-in = 放大界面
action-zoom-out = 缩小界面
action-zoom-reset = 界面恢复正常大小
action-shortcut-sheet = 键盘快捷键
action-focus-canvas = 转到图谱画布
action-describe-relations = 朗读焦点节点的关系
action-focus-left = 焦点移到左侧节点
action-focus-right = 焦点移到右侧节点
action-focus-up = 焦点移到上方节点
action-focus-down = 焦点移到下方节点
action-focus-next-neighbour = 焦点移到下一个相邻节点
action-focus-previous-neighbour = 焦点移到上一个相邻节点
action-select-focused = 选中焦点节点
action-pin-focused = 固定或取消固定焦点节点
menu-help = 帮助
shortcuts-title = 键盘快捷键
shortcuts-palette-note = 所有操作也都在命令面板（Ctrl+K）中；按 F6 将键盘焦点移到画布。
shortcuts-canvas-heading = 在画布上（画布获得键盘焦点时）
status-ui-scale = 界面大小 { $percent }%
status-no-focused-node = 没有获得键盘焦点的节点：请先按 F6，再按方向键。
status-no-node-that-way = 该方向没有节点。
status-no-neighbours = 此节点没有可见的相邻节点。
a11y-canvas = 图谱画布
a11y-canvas-hint = 方向键在节点间移动，Tab 依次访问相邻节点，Enter 选中，空格固定，D 朗读关系，Esc 清除。
a11y-node-description = { $kind }，{ $count } 个相邻节点
a11y-node-description-pinned = { $kind }，{ $count } 个相邻节点，已固定
a11y-relation = { $from } { $rel } { $to }
a11y-cite = “{ $quote }”（{ $source }，{ $date }）
a11y-no-cites = 无引文
a11y-more-relations = 另有 { $count } 条关系
a11y-panel-menu = 菜单栏
a11y-panel-status = 状态栏
a11y-panel-side = 搜索、筛选与聚焦
a11y-panel-details = 详情：检查器、指标、路径、视图
legend-restyle-hint = 更改此类别的颜色和形状（按 Enter 或单击）
legend-restyle-shape = 形状：{ $shape }
legend-restyle-colour = 颜色 { $colour }

## bolt
menu-connect-db = 连接图数据库…
db-connect-title = 连接图数据库
db-uri = URI
db-user = 用户
db-database = 数据库
db-database-default = 服务器默认
db-password = 密码
db-password-from-env = 取自 { $name }
db-start-search = 从搜索开始
db-start-cypher = 从 Cypher 查询开始
db-search-hint = 名称（中文、英文、拼音）或 id
db-progress-of = { $done } / { $total }
db-progress-waiting = 等待服务器…
db-cancel = 取消
db-connect = 连接
db-disconnect = 断开
db-connected = 已连接 { $target }
db-expand = 从数据库展开（{ $limit }）
db-expand-more = 更多邻居…
db-error-bad-uri = 无法使用此 URI。
db-error-unreachable = 无法连接数据库服务器（是否在运行？主机和端口是否正确？）。
db-error-auth = 服务器拒绝了用户名或密码。
db-error-tls = 安全（TLS）连接失败。
db-error-query = 服务器拒绝了查询。
db-error-timeout = 服务器未能及时响应。
db-error-lost = 接收结果时连接中断；未做任何更改。
db-error-protocol = Atlas 无法与此服务器通信。
db-error-data = 无法将结果读作图。
db-error-cancelled = 已取消；未做任何更改。
msg-db-opened = 已从 { $target } 打开 { $nodes } 个节点和 { $edges } 条边
msg-db-expanded = 已在 { $node } 周围添加 { $nodes } 个节点和 { $edges } 条边

## integration: reader and database actions
action-toggle-reader = 原文阅读器
action-connect-database = 连接图数据库…
action-expand-from-database = 从数据库展开所选节点
msg-db-not-connected = 尚未连接图数据库（文件 → 连接图数据库…）
msg-db-select-one = 请选择一个节点，再从数据库展开

## groups
action-group-selection = 将所选节点分组
action-ungroup = 取消分组
action-toggle-group = 折叠或展开所选分组
action-group-by-kind = 按类型分组
action-group-by-community = 按社区分组
action-collapse-all-groups = 折叠全部分组
action-expand-all-groups = 展开全部分组
group-menu = 分组
group-title = 分组
group-by = 分组方式
group-by-none = （无）
group-by-kind = 类型
group-by-community = 社区（Louvain）
group-by-attribute = 属性“{ $attr }”
group-by-containment = 包含关系：{ $rel }
group-hint = 分组可将图的各部分折叠为单个节点；选中节点后按 Ctrl+G 可手动分组。
group-count = { $n } 个节点
group-community = 社区 { $n }
group-expand = 展开
group-members = 成员
group-more = ……另有 { $n } 个
group-edges = 聚合的边
group-no-edges = 此分组没有对外的边。
group-edge = { $other }：{ $n } 条（{ $rels }）
group-edge-details = 各条关系及出处
group-err-unreadable = 无法读取分组文件
group-err-save = 无法保存分组
group-msg-none-selected = 请先选择分组中的节点（或已折叠的分组）
group-msg-need-two = 请至少选择两个节点再分组
group-hand-name = 分组 { $n }
group-msg-made = { $name }：已将 { $n } 个节点分组（Ctrl+Shift+G 取消分组）
group-by-around = 枢纽：{ $rel }
## present
present-appearance = 外观
present-node-colour = 节点颜色
present-node-shape = 节点形状
present-node-size = 节点大小
present-edge-colour = 连线颜色
present-edge-width = 连线粗细
present-by-default = 默认
present-by-kind = 类型
present-by-relation = 关系
present-by-attribute = 属性
present-annotations = 注释与图形
present-add-note = 添加注释
present-add-rect = 添加矩形
present-add-circle = 添加圆形
present-delete = 删除
present-new-note = 注释
present-text-zh = 文字（中文）
present-text-en = 文字（英文）
present-pinned-to = 固定到节点（id）
present-position = 位置
present-size = 大小
present-shape-note = 注释
present-shape-rect = 矩形
present-shape-circle = 圆形
edit-appearance = 更改视图外观
edit-annotations = 更改视图注释
present-ok = 确定
present-cancel = 取消
