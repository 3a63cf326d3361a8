/// The frame of a self-contained HTML page: its head with the style sheet, and a body the renderer fills.
///
/// The Content Security Policy allows inline styles and nothing else: no script runs and nothing is fetched, even
/// if some text were to slip through unescaped. Colours are CSS variables, switched by `prefers-color-scheme` for a
/// dark theme and reset to the light ones for print.
struct HTMLPage {
    let title: String
    var body = ""

    init(title: String) {
        self.title = title
    }

    var document: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(Markup.escaped(title))</title>
        <style>
        \(Self.style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let style = """
        :root{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--ktlo:#c8374b;--feature:#2f6db5;\
        --other:#a7b1bc;--rest:#9ec3e6;--f0:#fde0c5;--f1:#f9a86f;--f2:#ec6a3e;--f3:#c8374b;--f4:#7d1128;--spot:#1f2328}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;\
        --card:#151b23;--ktlo:#f0616d;--feature:#5a9ff0;--other:#6e7781;--rest:#35608f;--spot:#e6edf3}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1040px;padding:24px;background:var(--bg);color:var(--fg);\
        font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 8px;padding-top:8px;border-top:1px solid var(--line)}
        h3{font-size:17px;margin:24px 0 8px}
        code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        .lead,.note,figcaption,caption,footer{color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;list-style:none;padding:0;margin:20px 0}
        .cards li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
        .cards strong{display:block;font-size:24px;line-height:1.3}
        .card-title,.card-note{display:block;font-size:13px;color:var(--muted)}
        figure{margin:16px 0}
        svg.chart{display:block;width:100%;max-width:720px;height:auto}
        svg text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--muted)}
        svg .label{fill:var(--fg);font-weight:600}svg .note{fill:var(--fg)}svg .axis-title{font-size:12px}
        .grid{stroke:var(--line);stroke-width:1}.axis{stroke:var(--muted);stroke-width:1}
        .budget{stroke:var(--fg);stroke-width:1.5;stroke-dasharray:6 4}
        .trend{fill:none;stroke:var(--ktlo);stroke-width:2}.dot{fill:var(--ktlo)}
        .s-ktlo{fill:var(--ktlo);background:var(--ktlo)}.s-feature{fill:var(--feature);background:var(--feature)}
        .s-other{fill:var(--other);background:var(--other)}.s-rest{fill:var(--rest);background:var(--rest)}
        .spot{stroke:var(--spot);stroke-width:.6;fill-opacity:.85}
        .f0{fill:var(--f0);background:var(--f0)}.f1{fill:var(--f1);background:var(--f1)}.f2{fill:var(--f2);background:var(--f2)}
        .f3{fill:var(--f3);background:var(--f3)}.f4{fill:var(--f4);background:var(--f4)}
        .key{white-space:nowrap;margin-right:10px}
        .swatch{display:inline-block;width:11px;height:11px;margin-right:4px;vertical-align:-1px;border-radius:2px}
        .budget-key{height:0;border-top:2px dashed var(--fg);border-radius:0;vertical-align:3px;width:16px}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;margin:12px 0;font-size:14px;font-variant-numeric:tabular-nums}
        caption{text-align:left;padding:4px 0;font-size:13px}
        th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
        th[scope=row],th:first-child,td.text{text-align:left}
        thead th{border-bottom:2px solid var(--line);white-space:nowrap}
        tr.total th,tr.total td{font-weight:600;border-top:2px solid var(--line)}
        th[scope=row] code{white-space:nowrap}
        th.file{min-width:280px;font-weight:normal}th.file code{font-weight:600}
        .smells{margin:4px 0 0;padding-left:16px;font-size:13px;white-space:normal}.smell{font-weight:600}
        details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
        footer{margin-top:40px;border-top:1px solid var(--line);font-size:13px}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--card:#fff;--ktlo:#c8374b;--feature:#2f6db5;\
        --other:#a7b1bc;--rest:#9ec3e6;--spot:#000}
        body{max-width:none;padding:0;font-size:10pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        figure,tr,.cards li{break-inside:avoid}h2,h3{break-after:avoid}.scroll{overflow:visible}
        details>summary{display:none}}

        """
}
