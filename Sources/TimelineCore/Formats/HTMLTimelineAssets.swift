/// The style sheet and the small script the HTML timeline page carries inline: the page loads
/// nothing from anywhere, and reads fully without the script.
enum HTMLTimelineAssets {
    /// Colours for the light scheme (and for print), as CSS custom properties.
    private static let lightColours = """
        --bg: #ffffff; --fg: #1c2228; --muted: #5a6470; --stripe-a: #f7f8fa; --stripe-b: #edf0f4;
        --grid: #dde1e6; --grid-major: #a9b2bc; --border: #cdd3da; --link: #1d5ca6; --target: #fff3bf;
        --panel: #ffffff;
        --k0: #2f6db5; --k1: #1b8a5a; --k2: #c4561b; --k3: #b8336a; --k4: #7a4fb3;
        --k5: #8c6a10; --k6: #0d8282; --k7: #c0352b; --k8: #56677a; --k9: #a0519b;
    """

    private static let darkColours = """
        --bg: #14181d; --fg: #e4e8ec; --muted: #9ba6b2; --stripe-a: #191e24; --stripe-b: #20262d;
        --grid: #2c333b; --grid-major: #4d5763; --border: #39424c; --link: #8dbdf5; --target: #3b3417;
        --panel: #1c2228;
        --k0: #7fb0ee; --k1: #5ccc94; --k2: #f09458; --k3: #ee7fad; --k4: #b89bf0;
        --k5: #dfb84e; --k6: #4fcaca; --k7: #f47f72; --k8: #a2b3c5; --k9: #df8ed8;
    """

    /// The fonts the label widths are measured for (see `LabelTextWidth`).
    private static let fonts = "Verdana, \"DejaVu Sans\", \"Bitstream Vera Sans\", sans-serif"

    static let styleSheet: String = {
        var kinds = ""
        for slot in 0..<EventKindColours.count { kinds += ".k\(slot) { --c: var(--k\(slot)); }\n" }
        return """
        :root {
        \(lightColours)
        color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
        :root {
        \(darkColours)
        }
        }
        \(kinds)* { box-sizing: border-box; }
        body { margin: 0; padding: 22px 28px 48px; background: var(--bg); color: var(--fg); font: 14px/1.45 \(fonts); }
        h1 { font-size: 24px; margin: 0 0 4px; }
        header p { margin: 0 0 12px; color: var(--muted); }
        a { color: var(--link); }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 22px; align-items: center; font-size: 12px; margin: 0 0 10px; }
        .legend h2 { font-size: 12px; margin: 0; }
        .legend ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; padding: 0; }
        .legend li { display: inline-flex; align-items: center; gap: 6px; }
        .legend svg { flex: none; }
        .chart { margin: 0 0 24px; }
        .chart figcaption { font-size: 12px; color: var(--muted); margin: 0 0 6px; }
        .scroller { overflow-x: auto; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
        .canvas { position: relative; }
        .lane-names { position: sticky; left: 0; height: 0; z-index: 1; }
        .lane-name { position: absolute; left: 0; width: 100%; padding: 9px 10px 0 12px; font-size: 13px; font-weight: bold;
          line-height: 17px; white-space: nowrap; border-right: 1px solid var(--border); overflow: hidden; }
        .lane-name small { display: block; margin-top: 2px; font-size: 11px; font-weight: normal; color: var(--muted); }
        .stripe-a { background: var(--stripe-a); fill: var(--stripe-a); }
        .stripe-b { background: var(--stripe-b); fill: var(--stripe-b); }
        svg { font-family: \(fonts); }
        svg.plot { display: block; }
        @media screen { .plot .lane-label { visibility: hidden; } }
        .lane-label { font-size: 13px; font-weight: bold; fill: var(--fg); }
        .lane-count { font-size: 11px; font-weight: normal; fill: var(--muted); }
        .grid line { stroke: var(--grid); stroke-width: 1; }
        .grid .major { stroke: var(--grid-major); }
        .tick-label { font-size: 11px; fill: var(--muted); text-anchor: middle; }
        .tick-label.year { font-weight: bold; fill: var(--fg); }
        .event { cursor: pointer; }
        .event .mark { fill: var(--c); stroke: var(--c); stroke-width: 1.5; }
        .event .point { stroke: var(--bg); }
        .event .band, .event .extent { fill-opacity: 0.38; }
        .event.approximate .mark { fill-opacity: 0.16; stroke-dasharray: 4 3; }
        .event.approximate .point { stroke: var(--c); }
        .event .whisker { fill: none; stroke: var(--c); stroke-width: 1.5; }
        .event .open-end { fill: var(--c); }
        .event .announcement-link { stroke: var(--c); stroke-width: 1.2; stroke-dasharray: 3 2; }
        .event .announcement { fill: var(--bg); stroke: var(--c); stroke-width: 1.5; }
        .event rect.announcement { fill: var(--c); fill-opacity: 0.3; stroke-width: 1; }
        .label { font-size: 12px; paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
        .label-title { font-weight: bold; fill: var(--fg); }
        .label-detail { font-size: 11px; fill: var(--muted); }
        .cancelled .label-title { text-decoration: line-through; }
        .event:hover .mark, .event:focus .mark, .event.selected .mark { stroke-width: 3; }
        .event:hover .label-title, .event:focus .label-title, .event.selected .label-title { fill: var(--link); text-decoration: underline; }
        .event:focus { outline: none; }
        .table-scroller { overflow-x: auto; }
        table.events { border-collapse: collapse; width: 100%; font-size: 13px; }
        caption { text-align: left; font-weight: bold; font-size: 16px; padding: 6px 0; }
        th, td { text-align: left; vertical-align: top; padding: 7px 9px; border-bottom: 1px solid var(--border); }
        thead th { border-bottom: 2px solid var(--grid-major); white-space: nowrap; }
        td.when, td.announced { white-space: nowrap; }
        th.title { min-width: 13em; }
        td.figures { min-width: 12em; }
        td.sources { min-width: 22em; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--c); margin-right: 6px; }
        td p { margin: 0 0 4px; }
        .meta, .quantity, .figure-source, .translation, .url { color: var(--muted); }
        .meta { font-size: 12px; }
        td .note, #event-panel .note { display: block; font-size: 12px; color: var(--muted); }
        td ul, td ol { margin: 0; padding-left: 18px; }
        td li { margin-bottom: 4px; }
        .stance { color: var(--k7); font-size: 11px; text-transform: uppercase; }
        tr:target { background: var(--target); }
        #event-panel { position: fixed; right: 16px; bottom: 16px; z-index: 10; width: min(32rem, calc(100vw - 32px));
          max-height: 70vh; overflow: auto; padding: 14px 16px; font-size: 13px; background: var(--panel); color: var(--fg);
          border: 1px solid var(--border); border-top: 4px solid var(--c, var(--link)); border-radius: 8px;
          box-shadow: 0 8px 28px rgba(0, 0, 0, 0.25); }
        #event-panel[hidden] { display: none; }
        #event-panel:focus { outline: none; }
        #event-panel h2 { font-size: 15px; margin: 0 28px 8px 0; }
        #event-panel h3 { font-size: 11px; margin: 10px 0 2px; color: var(--muted); text-transform: uppercase; }
        #event-panel ul, #event-panel ol { margin: 0; padding-left: 18px; }
        #event-panel p { margin: 0 0 4px; }
        #event-panel .close { position: absolute; top: 6px; right: 8px; border: none; background: none; color: var(--muted);
          font-size: 22px; line-height: 1; cursor: pointer; }
        @media print {
        :root {
        \(lightColours)
        }
        body { padding: 0; font-size: 10pt; }
        .scroller { overflow: visible; border: none; }
        .canvas { width: auto !important; }
        .lane-names, #event-panel, .chart figcaption { display: none; }
        .plot .lane-label { visibility: visible; }
        svg.plot { width: 100%; height: auto; }
        .table-scroller { overflow: visible; }
        table.events { font-size: 8.5pt; }
        th.title, td.figures, td.sources { min-width: 0; }
        tr { break-inside: avoid; }
        thead { display: table-header-group; }
        td.sources a[href]::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); overflow-wrap: anywhere; }
        }

        """
    }()

    /// Clicking an event opens a panel with its row's contents instead of jumping to the table;
    /// Escape or the close button hides it. Without the script the click jumps to the row.
    /// Sets `data-script="ready"` on the root element once it has run, for checks.
    static let script = """
        (function () {
          "use strict";
          var panel = document.getElementById("event-panel");
          var body = panel.querySelector(".panel-body");
          var headers = document.querySelectorAll("table.events thead th");
          var selected = null;
          function close() {
            panel.hidden = true;
            if (selected) { selected.classList.remove("selected"); selected = null; }
          }
          function open(link) {
            var row = document.getElementById(link.getAttribute("href").slice(1));
            if (!row) { return false; }
            close();
            body.textContent = "";
            var heading = document.createElement("h2");
            heading.textContent = row.querySelector("th").textContent;
            body.appendChild(heading);
            Array.prototype.forEach.call(row.cells, function (cell, index) {
              if (cell.tagName === "TH" || !cell.hasChildNodes()) { return; }
              var title = document.createElement("h3");
              title.textContent = headers[index] ? headers[index].textContent : "";
              body.appendChild(title);
              Array.prototype.forEach.call(cell.childNodes, function (node) { body.appendChild(node.cloneNode(true)); });
            });
            var more = document.createElement("a");
            more.href = "#" + row.id;
            more.textContent = panel.getAttribute("data-see-in-table");
            var paragraph = document.createElement("p");
            paragraph.appendChild(more);
            body.appendChild(paragraph);
            panel.className = row.className;
            panel.hidden = false;
            selected = link;
            link.classList.add("selected");
            panel.focus();
            return true;
          }
          document.addEventListener("click", function (event) {
            var link = event.target.closest ? event.target.closest("a.event") : null;
            if (link && open(link)) { event.preventDefault(); }
          });
          panel.querySelector(".close").addEventListener("click", close);
          document.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
          document.documentElement.setAttribute("data-script", "ready");
        })();

        """
}
