# Innovation Atlas — English interface. Keys are shared with zh-CN/atlas.ftl; a test checks both
# files define exactly the keys the source uses.

## Actions (menus, palette)
action-open = Open…
action-save = Save
action-save-as = Save as…
action-undo = Undo
action-redo = Redo
action-new-node = New node…
action-edit-selection = Edit selected node or edge…
action-connect-selection = Connect selected node to…
action-delete-selection = Delete selected node or edge
action-ego-focus = Focus on selection's neighbourhood (on/off)
action-ego-more = Focus: one hop more
action-ego-less = Focus: one hop less
action-find-paths = Find paths between the two selected nodes
action-play-timeline = Play / stop the timeline
action-present = Present the tour (full screen)
action-next-view = Next view
action-previous-view = Previous view
action-toggle-minimap = Show / hide minimap
action-export-svg = Export view as SVG…
action-export-png = Export view as PNG…
action-theme-projector = Theme: projector (light, high contrast, large labels)
action-layout-force = Layout: force-directed (live)
action-layout-layered = Layout: layered by kind
action-layout-radial = Layout: radial around selection
action-layout-circular-kind = Layout: circular by kind
action-layout-circular-community = Layout: circular by community
action-layout-geographic = Layout: geographic (places on a map of Shenzhen)
action-reload = Reload from disk
action-open-shipped = Open the Shenzhen graph
action-save-layout = Save layout (positions sidecar)
action-quit = Quit
action-fit-view = Fit graph to view
action-toggle-layout = Pause / resume layout
action-rerun-layout = Re-run layout
action-new-seed = Re-run layout with a new seed
action-find = Find…
action-command-palette = Command palette…
action-clear-selection = Clear selection
action-select-neighbours = Select neighbours of selection
action-unpin-all = Unpin all nodes
action-labels-english = Labels: English
action-labels-chinese = Labels: 中文
action-labels-both = Labels: both
action-theme-light = Theme: light
action-theme-dark = Theme: dark
action-toggle-legend = Show / hide legend
action-show-all-kinds = Show all kinds and relations
action-ui-english = Interface: English
action-ui-chinese = Interface: 中文

## Palette
palette-title = Command palette
palette-hint = Type a command…

## Status bar
status-shown = { $shown_nodes } / { $nodes } nodes · { $shown_edges } / { $edges } edges shown
status-layout-running = layout running (seed { $seed }, iteration { $iterations })
status-layout-paused = layout paused (seed { $seed }, iteration { $iterations })
status-layout-starting = layout starting: coarse to fine (seed { $seed })…

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-analyse = Analyse
menu-layout = Layout
menu-present = Present
menu-undo-what = Undo { $what }
menu-redo-what = Redo { $what }
menu-pause-layout = Pause layout
menu-run-layout = Run layout
menu-fit-view = Fit view

## Buttons
button-ok = OK
button-copy = Copy
button-apply = Apply
button-cancel = Cancel
button-save = Save
button-discard = Discard
button-recover = Recover
button-delete = Delete

## Inspector
inspector-title = Inspector
inspector-nodes-selected = { $count } nodes selected
inspector-hint-click = Click a node or an edge to see its names, sources and neighbours.
inspector-hint-shift = Shift/Ctrl-click adds to the selection; drag a node to pin it.
inspector-sources = Sources ({ $count })
inspector-unknown-source = — unknown source { $source }
inspector-id = id: { $id }
inspector-aliases = Aliases: { $aliases }
inspector-first-attested = First attested: { $year }
inspector-pinned = Pinned
inspector-attributes = Attributes
inspector-over-time = Over time (same figure, every year and source)
inspector-target = { " " }(target)
inspector-neighbours = Neighbours ({ $count })
inspector-edge-button = edge
inspector-edge-tip = Show this edge's sources
inspector-year = Year: { $year }
inspector-inferred = Inferred: implied by the sources, not stated

## Error dialog
error-many = Many problems found (the first ones are listed). The graph that was open stays open.
error-count = { $count ->
    [one] 1 problem found. The graph that was open stays open.
   *[other] { $count } problems found. The graph that was open stays open.
}

## Legend
legend-title = Legend
legend-size-by = size = { $metric } · → direction
legend-size-degree = size = degree · → direction
legend-colour-community = colour = community ({ $count })
legend-community = #{ $n } · { $count ->
    [one] 1 node
   *[other] { $count } nodes
}
legend-any-colour = any colour
legend-colour-by = colour = { $metric }

## Search
search-title = Search
search-hint = Search: 中文, English, pinyin…
search-no-match = no match
search-matched = matched “{ $matched }” · { $id }

## Metrics
metrics-title = Metrics
metrics-hint = Computed on the graph as shown (filters, timeline and focus apply).
metrics-kind = kind
metrics-size = size
metrics-colour = colour
metrics-computing = (computing…)
metrics-node = node
metrics-sort-tip = { $zh } { $en } — click to sort
metrics-summary = { $nodes } nodes · { $communities } communities · modularity { $modularity }

## Paths
paths-title = Paths
paths-hint = Select two nodes (Shift-click), then Find paths (P).
paths-count = paths
paths-either-direction = either direction
paths-along-arrows = along arrows only
paths-relations-any = Relations: any
paths-relations-chosen = Relations: { $count } chosen
paths-find = Find paths
paths-clear = Clear
paths-path = { $hops ->
    [one] Path { $n } · 1 hop
   *[other] Path { $n } · { $hops } hops
}

## Filters and focus
filters-kinds = Kinds
filters-relations = Relations
focus-timeline = Timeline
focus-no-dated = no dated facts
focus-as-of-year = Show the graph as of a year
focus-year = year
focus-play = Play
focus-stop = Stop
focus-play-tip = Step through the years (Y)
focus-neighbourhood = Neighbourhood focus
focus-on-selection = Focus on selection
focus-on-selection-tip = Show only nodes within N hops of the selection (O, then + / −)
focus-around = { $count ->
    [one] Around 1 node
   *[other] Around { $count } nodes
}
focus-hops = hops
focus-dir-both = both
focus-dir-out = out
focus-dir-in = in
focus-show-everything = Show everything
focus-more-filters = More filters
focus-min-degree = min degree
focus-max-degree = max degree
focus-all-sources = all sources
focus-source = source
focus-search-filters = Search filters the graph
focus-search-filters-tip = Only search matches and their neighbours

## Views
views-title = Views
views-hint = A view keeps the camera, filters, focus, highlights, layout and language. F5 presents them in order.
views-new-name = name of a new view
views-save-current = Save current view
views-present = Present (F5)
views-name = Name
views-name-hint = name
views-caption-zh = 说明（中文）
views-caption-zh-hint = 说明（中文）
views-caption-en = Caption (English)
views-caption-en-hint = caption (English)
views-update = Update from screen
views-up = Up
views-down = Down
views-delete = Delete

## Questions
prompt-unsaved-title = Unsaved changes
prompt-unsaved-loaded = The file you opened has finished loading, but the graph open now has edits that are not saved. Save them before switching? (Cancel keeps your edits and drops the loaded file.)
prompt-unsaved-body = The graph has edits that are not saved. Save them first?
prompt-disk-title = The file changed on disk
prompt-disk-body = Another program changed the open file, and you have unsaved edits here.
prompt-reload-discard = Reload (discard my edits)
prompt-keep-mine = Keep mine (overwrite the file)
prompt-decide-later = Decide later
prompt-recover-title = Recover unsaved edits?
prompt-recover-body = Atlas did not close cleanly last time and kept unsaved edits of { $path }.

## Editor
editor-new-node = New node
editor-edit-node = Edit node
editor-connect = Connect
editor-edit-edge = Edit edge
editor-id = id
editor-kind = kind
editor-name-zh = name (中文)
editor-name-en = name (English)
editor-aliases = aliases
editor-key = key
editor-value = value
editor-add-attribute = + attribute
editor-from = from: { $name }
editor-relation = relation
editor-to = to: { $name }
editor-pick-below = (pick below)
editor-find-other = find the other node…
editor-year = year
editor-inferred = inferred (implied, not stated: cite every passage)
editor-edit-button = Edit…
editor-connect-button = Connect to…
editor-citations = Citations (source + exact quote)
editor-quote-hint = exact quote from the source
editor-add-citation = + citation
editor-remove = Remove

## Window and loading
status-opened = opened { $file } — { $nodes ->
    [one] 1 node
   *[other] { $nodes } nodes
}, { $edges ->
    [one] 1 edge
   *[other] { $edges } edges
}
banner-disk-errors = The file on disk has errors; the last good graph stays open:
banner-reread-no-thread = { $path }: changed on disk, but it could not be re-read (no thread: { $problem })
banner-reread-failed = { $path }: could not be re-read: { $problem }
loading-progress = Loading { $file } ({ $mb } MB) — { $seconds } s
loading-hint = The open graph stays usable; it is replaced when loading ends.
file-graphs = Graphs (RON, GraphML, GEXF, GML, JSON, CSV, DOT)
file-atlas-graph = Atlas graph (RON)
file-png-image = PNG image
file-svg-drawing = SVG drawing
views-default-name = View { $n }

## Error dialog titles
err-open = Could not open { $file }
err-save = Could not save
err-save-nothing-lost = Nothing was lost: the file on disk is unchanged.
err-save-layout = Could not save the layout
err-edit-refused = That edit was refused
err-views-unreadable = The saved views could not be read
err-views-save = Could not save the views
err-render-png = Could not render the PNG
err-export = Could not export
err-recovery-unreadable = The recovery file cannot be read

## Status messages
msg-ego-needs-selection = select a node first to focus on its neighbourhood
msg-paths-need-two = Select exactly two nodes (Shift-click the second), then Find paths.
msg-radial-needs-selection = select a node to lay out the others in rings around it
msg-no-geo-sidecar = no geo sidecar ({ $file }) beside the data file: nothing to place on the map
msg-geo-not-used = geo sidecar not used: { $problem }
msg-geo-layout = geographic layout: { $places } places at their coordinates, the rest next to what they connect to
msg-geo-unknown-ids = ; unknown ids in the geo sidecar: { $ids }
msg-views-warning = views: { $warning }
msg-views-warnings = views: { $warning } (and { $more } more)
msg-views-builtin = views of the built-in graph are kept until you save the graph to a file
msg-view-missing = view "{ $view }": not in this graph: { $missing }
msg-view-layout-needs-selection = this view was saved with the { $layout } layout: select a node and choose it from the Layout menu
msg-exported = exported { $path }
msg-done = done: { $what }
msg-undone = undone: { $what }
msg-redone = redone: { $what }
msg-nothing-to-undo = nothing to undo
msg-nothing-to-redo = nothing to redo
msg-cannot-undo = cannot undo: { $problem }
msg-cannot-redo = cannot redo: { $problem }
msg-cannot-encode = cannot encode the graph: { $problem }
msg-saved = saved { $path }
msg-save-read-only = { $path } is read-only (an installed example): choose where to save your copy.
msg-layout-sidecar = layout sidecar: { $warning }
msg-layout-sidecar-more = layout sidecar: { $warning } (and { $more } more)
msg-curation-warnings = opened with { $count } curation warning(s) (`innovation-atlas check` lists them): { $first }
msg-recovered = recovered unsaved edits from { $path }
msg-recovery-write = cannot write recovery file: { $problem }
msg-builtin-no-layout-file = the built-in graph has no file to save a layout beside
msg-layout-saved = layout saved to { $path }
msg-layout-saved-aside = layout saved to { $path }; { $aside }
msg-not-watching = not watching { $path } for changes: { $problem }
msg-reloaded-views = reloaded views from { $path }
msg-reloaded = reloaded { $path } after an outside change
msg-reloaded-warnings = reloaded { $path } after an outside change, with { $count } warning(s): { $warning }

## Undo descriptions of view edits
edit-add-view = add view { $name }
edit-update-view = update view { $name }
edit-edit-view = edit view { $name }
edit-delete-view = delete view { $name }
edit-reorder-views = reorder views

## edits: what the undo/redo entries and the status bar say, and why an edit is refused
edit-add-node = add node { $id }
edit-delete-node = delete node { $id }
edit-edit-node = edit node { $id }
edit-add-edge = add edge { $from } → { $to }
edit-delete-edge = delete edge { $from } → { $to }
edit-edit-edge = edit edge { $from } → { $to }
edit-move-node = move { $id }
edit-move-nodes = move { $count } nodes
edit-restyle-kind = restyle kind { $kind }
edit-batch = { $count } changes
edit-what-node = node { $id }
edit-what-edge = edge { $from } → { $to }
edit-err-node-index = cannot insert node at { $index }
edit-err-node-moved = node { $id } is not where expected
edit-err-node-has-edges = node { $id } still has edges; delete them first
edit-err-node-changed = node { $id } changed meanwhile
edit-err-edge-index = cannot insert edge at { $index }
edit-err-edge-moved = edge { $from } → { $to } is not where expected
edit-err-edge-changed = edge { $from } → { $to } changed meanwhile
edit-err-vocab-changed = the vocabulary changed meanwhile (restyling { $kind })
edit-err-no-id = a node needs an id
edit-err-slug = id "{ $id }" must be a lowercase slug (a-z, 0-9, -)
edit-err-duplicate-id = there is already a node with id "{ $id }"
edit-err-no-name = a node needs a name (中文 or English)
edit-err-unknown-kind = unknown kind { $kind }
edit-err-no-node = no node with id "{ $id }"
edit-err-unknown-relation = unknown relation { $rel }
edit-err-no-citation = { $what } needs at least one citation (source and quote)
edit-err-unknown-source = { $what } cites unknown source "{ $source }"
edit-err-empty-quote = { $what } has an empty quote

## sources
inspector-show-in-source = Show in source
reader-title = Source reader
reader-no-sources = This graph has no source documents.
reader-cannot-read = Cannot read the source: { $problem }
reader-search-hint = Search in this source
reader-search-previous = Previous match
reader-search-next = Next match (Enter)
reader-search-count = { $current } of { $count }
reader-coverage = { $cited } of { $sentences } sentences cited ({ $percent }%)
reader-uncited-toggle = Uncited statements ({ $count })
reader-cited-by = Cited by
reader-click-to-select = Click to select on the canvas
reader-new-node = New node citing this
reader-new-edge = New edge citing this
reader-new-edge-needs-two = Select the two ends on the canvas first (Shift+click)
reader-add-citation = Add as citation to the selection
reader-kind = Kind
reader-name-zh = Name (中文)
reader-name-en = Name (English)
reader-create-node = Create node
reader-create-edge = Create edge
reader-swap = Swap the ends
reader-add-source = Add source…
reader-add-source-tip = Add a .txt, .md, .html or .pdf document (or drop one on the window)
reader-add-failed = Cannot add this file: { $problem }
reader-add-title = New source: check what it is
reader-add-title-zh = Title (中文)
reader-add-title-en = Title (English)
reader-add-date = Date (YYYY-MM-DD)
reader-add-publisher = Publisher
reader-add-url = Address (URL)
reader-add-id = Id
reader-add-preview = { $chars } characters of text, saved as sources/{ $file }
reader-add-confirm = Add source
reader-add-cancel = Cancel
reader-source-label = Source
reader-relation = Relation
edit-add-source = add source { $id }
edit-remove-source = remove source { $id }
edit-err-source-moved = source { $id } is not where expected
edit-err-source-cited = source { $id } is still cited
edit-err-source-no-id = a source needs an id
edit-err-source-duplicate = there is already a source with id "{ $id }"
edit-err-source-file = "{ $file }" is not a plain file name
edit-err-source-file-taken = another source is stored as { $file }
edit-err-source-index = cannot insert source at { $index }

## a11y
action-zoom-in = Larger interface
action-zoom-out = Smaller interface
action-zoom-reset = Interface at normal size
action-shortcut-sheet = Keyboard shortcuts
action-focus-canvas = Go to the graph canvas
action-describe-relations = Describe relations of the focused node
action-focus-left = Focus the node to the left
action-focus-right = Focus the node to the right
action-focus-up = Focus the node above
action-focus-down = Focus the node below
action-focus-next-neighbour = Focus the next neighbour
action-focus-previous-neighbour = Focus the previous neighbour
action-select-focused = Select the focused node
action-pin-focused = Pin or unpin the focused node
menu-help = Help
shortcuts-title = Keyboard shortcuts
shortcuts-palette-note = Every action is also in the command palette (Ctrl+K); F6 moves the keyboard to the canvas.
shortcuts-canvas-heading = On the canvas, while it has keyboard focus
status-ui-scale = Interface size { $percent }%
status-no-focused-node = No node has keyboard focus: press F6, then an arrow key.
status-no-node-that-way = No node in that direction.
status-no-neighbours = This node has no visible neighbours.
a11y-canvas = Graph canvas
a11y-canvas-hint = Arrow keys move between nodes, Tab walks the neighbours, Enter selects, Space pins, D describes the relations, Escape clears.
a11y-node-description = { $kind }, { $count ->
    [one] 1 neighbour
   *[other] { $count } neighbours
}
a11y-node-description-pinned = { $kind }, { $count ->
    [one] 1 neighbour
   *[other] { $count } neighbours
}, pinned
a11y-relation = { $from } { $rel } { $to }
a11y-cite = “{ $quote }” ({ $source }, { $date })
a11y-no-cites = no citation
a11y-more-relations = and { $count } more relations
a11y-panel-menu = Menu bar
a11y-panel-status = Status bar
a11y-panel-side = Search, filters and focus
a11y-panel-details = Details: inspector, metrics, paths, views
legend-restyle-hint = Change the colour and shape of this kind (Enter or click)
legend-restyle-shape = Shape: { $shape }
legend-restyle-colour = Colour { $colour }

## bolt
menu-connect-db = Connect to graph database…
db-connect-title = Connect to graph database
db-uri = URI
db-user = User
db-database = Database
db-database-default = server default
db-password = Password
db-password-from-env = from { $name }
db-start-search = Start from a search
db-start-cypher = Start from a Cypher query
db-search-hint = name (中文, English, pinyin) or id
db-progress-of = { $done } of { $total }
db-progress-waiting = waiting for the server…
db-cancel = Cancel
db-connect = Connect
db-disconnect = Disconnect
db-connected = connected to { $target }
db-expand = Expand from database ({ $limit })
db-expand-more = More neighbours…
db-error-bad-uri = This URI cannot be used.
db-error-unreachable = The database server cannot be reached (is it running? right host and port?).
db-error-auth = The server refused the user name or password.
db-error-tls = The secure (TLS) connection failed.
db-error-query = The server refused the query.
db-error-timeout = The server did not answer in time.
db-error-lost = The connection was lost while the answer came; nothing was changed.
db-error-protocol = Atlas cannot talk to this server.
db-error-data = The answer cannot be read as a graph.
db-error-cancelled = Cancelled; nothing was changed.
msg-db-opened = opened { $nodes } nodes and { $edges } edges from { $target }
msg-db-expanded = added { $nodes } nodes and { $edges } edges around { $node }

## integration: reader and database actions
action-toggle-reader = Source reader
action-connect-database = Connect to graph database…
action-expand-from-database = Expand the selected node from the database
msg-db-not-connected = not connected to a graph database (File → Connect to graph database…)
msg-db-select-one = select one node to expand it from the database

## groups
action-group-selection = Group the selected nodes
action-ungroup = Ungroup
action-toggle-group = Collapse or expand the selected group
action-group-by-kind = Group by kind
action-group-by-community = Group by community
action-collapse-all-groups = Collapse all groups
action-expand-all-groups = Expand all groups
group-menu = Groups
group-title = Groups
group-by = Group by
group-by-none = (none)
group-by-kind = kind
group-by-community = community (Louvain)
group-by-attribute = attribute “{ $attr }”
group-by-containment = containment: { $rel }
group-hint = Group the graph to fold its parts into single nodes; select nodes and press Ctrl+G to make a group by hand.
group-count = { $n ->
    [one] 1 node
   *[other] { $n } nodes
}
group-community = Community { $n }
group-expand = Expand
group-members = Members
group-more = … and { $n } more
group-edges = Aggregated edges
group-no-edges = No edges leave this group.
group-edge = { $other }: { $n } ({ $rels })
group-edge-details = Edges and citations
group-err-unreadable = The groups file could not be read
group-err-save = The groups could not be saved
group-msg-none-selected = select a node in a group (or a collapsed group) first
group-msg-need-two = select at least two nodes to group them
group-hand-name = Group { $n }
group-msg-made = { $name }: { $n } nodes grouped (Ctrl+Shift+G ungroups)
group-by-around = hubs: { $rel }
## present
present-appearance = Appearance
present-node-colour = Node colour
present-node-shape = Node shape
present-node-size = Node size
present-edge-colour = Edge colour
present-edge-width = Edge width
present-by-default = Default
present-by-kind = Kind
present-by-relation = Relation
present-by-attribute = Attribute
present-annotations = Notes and shapes
present-add-note = Add note
present-add-rect = Add rectangle
present-add-circle = Add circle
present-delete = Delete
present-new-note = Note
present-text-zh = Text (Chinese)
present-text-en = Text (English)
present-pinned-to = Pinned to node (id)
present-position = Position
present-size = Size
present-shape-note = Note
present-shape-rect = Rectangle
present-shape-circle = Circle
edit-appearance = change the view's appearance
edit-annotations = change the view's notes
present-ok = OK
present-cancel = Cancel
