// Help's own words: the overview, the headings of a command's page, the command line's usage.

extension Catalogue {
    static let helpEntries: [String: String] = [
        "ropg — plan an online shop's money. Commands by topic (help COMMAND for more):":
            "ropg — 网店的资金规划。按主题列出的命令（help 命令名 查看详情）：",
        "Workspace": "工作区",
        "Products, costs and goals": "商品、成本和目标",
        "Costs and profit": "成本和利润",
        "Prices, margins and what-ifs": "价格、毛利和假设分析",
        "Hit products and the portfolio": "爆款和货品结构",
        "Assumptions": "假设",
        "Session and output": "会话和输出",
        "Usage:": "用法：",
        "Keys:": "键：",
        "Examples:": "示例：",
        """
        Numbers: 1,234.56  ¥79  79元  1200万  10w  3亿  12k  5%  0.05
        Periods: 2026  2026-Q1  2026-03  2026-W11  2026-03-14  2026-03..2026-06
        Output:  end a command with > FILE.csv (or .md, .json, .txt) to write its table to a file;
                 table=NAME keeps one of a report's tables (help format names them);
                 scenario=NAME shows any report under a named scenario (help scenario)
        """:
            """
            数字：1,234.56  ¥79  79元  1200万  10w  3亿  12k  5%  0.05
            期间：2026  2026-Q1  2026-03  2026-W11  2026-03-14  2026-03..2026-06
            输出：命令末尾加 > 文件.csv（或 .md、.json、.txt）把表格写入文件；
                  table=NAME 只保留报表中的一张表（help format 列出表名）；
                  scenario=NAME 在某个命名情景下显示任何报表（help scenario）
            """,
        "Try ropg --help.": "试试 ropg --help。",
        "--lang {word}: use zh or en": "--lang {word}：请用 zh 或 en",
        "{flag} needs a value": "{flag} 需要一个值",
        "--format {word}: use text, md, csv or json": "--format {word}：请用 text、md、csv 或 json",
        "unknown option {option}": "未知选项 {option}",
        "one workspace at a time (got {first} and {second})": "一次只能打开一个工作区（给了 {first} 和 {second}）",
        "{path}: a workspace file ends in .json": "{path}：工作区文件以 .json 结尾",
        "ropg {version} — {name}{path}: {summary}. Type help, or quit.": "ropg {version} — {name}{path}：{summary}。输入 help，或 quit 退出。",
        "{products}, {costs}, {goals}": "{products}，{costs}，{goals}",
        "{count} product": "{count} 个商品",
        "{count} products": "{count} 个商品",
        "{count} cost entry": "{count} 个成本条目",
        "{count} cost entries": "{count} 个成本条目",
        "{count} goal": "{count} 个目标",
        "{count} goals": "{count} 个目标",
        // Assumptions, as `set`'s help and `settings` name them.
        "conversion rate: orders ÷ visitors (转化率)": "转化率：订单数 ÷ 访客数",
        "click-through rate: clicks ÷ impressions (点击率)": "点击率：点击 ÷ 展现",
        "average order value (客单价)": "客单价",
        "cost per paid click": "每次付费点击的费用",
        "share of visitors that come from paid clicks": "来自付费点击的访客占比",
        "natural visitors each paid visitor brings": "每个付费访客带来的自然访客数",
        "units in an average order": "平均每单件数",
        "payment fee on revenue (支付手续费)": "收入上的支付手续费",
        "share of GMV refunded (退款率)": "销售额中退款的比例（退款率）",
        "the language ropg speaks to this workspace's team, kept in the file: zh (中文) or en (English); default follows --lang or the locale":
            "ropg 对这个工作区团队使用的语言，保存在文件中：zh（中文）或 en（English）；default 跟随 --lang 或系统语言环境",
    ]
}
