// The session's own words: errors it reports, lists, formats and the language setting.

extension Catalogue {
    static let sessionEntries: [String: String] = [
        "error: {message}": "错误：{message}",
        " or ": " 或 ",
        ", ": "、",
        "{first} or {last}": "{first} 或 {last}",
        "type help for the list": "输入 help 查看命令列表",
        "did you mean {names}?": "你是想输入 {names} 吗？",
        "unknown command {word}; {hint}": "未知命令 {word}；{hint}",
        "no command {word}; type help for the list": "没有命令 {word}；输入 help 查看命令列表",
        "no command {word}; did you mean {names}?": "没有命令 {word}；你是想输入 {names} 吗？",
        "a result is too large to work out exactly: check the amounts, quantities and volumes given (each input is at most 10¹⁵, but a cost spread over days is held exactly only up to about 10¹⁹ a year)":
            "结果太大，无法精确计算：请检查给出的金额、数量和流量（每个输入最多 10¹⁵，但按天分摊的成本只能精确保存到每年约 10¹⁹）",
        "{key}= is given twice": "{key}= 给了两次",
        "table= needs a name, e.g. table=breakeven_mix": "table= 需要一个表名，例如 table=breakeven_mix",
        "money={word}: use 万, 亿 or plain": "money={word}：请用 万、亿 或 plain",
        "{word} is not a format; use text, md, csv or json": "{word} 不是一种格式；请用 text、md、csv 或 json",
        "{title} ({unit} yuan)": "{title}（{unit}元）",
        "set needs KEY=VALUE, e.g. set cvr=3%; see settings for the keys": "set 需要 键=值，例如 set cvr=3%；settings 列出所有键",
        "lang= holds for the whole workspace; it takes no period=": "lang= 对整个工作区有效；不能带 period=",
        "lang={word}: use zh (中文), en (English) or default": "lang={word}：请用 zh（中文）、en（English）或 default",
        "lang {name} (default)": "lang {name}（默认）",
        "set {what}": "已设定 {what}",
    ]
}
