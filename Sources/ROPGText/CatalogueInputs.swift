// Inputs: cost entries (CostSpec), goal seek, seasonal profiles and the CSV import of actuals.

extension Catalogue {
    static let inputEntries: [String: String] = [
        // Cost entries: cost add / cost set.
        "write an amount such as 60000/year, 4500/month, 5% of=revenue, 1.5/unit, 4/order, 12000 date=2026-01-05, 12000 amortize=12 start=2026-01, 50000 basis=deposit, cpc=0.8 clicks=20000/month, cpc=plan, cpm=30 impressions=500000/month, cpt=2000/day or cps=10%":
            "金额请写成 60000/year、4500/month、5% of=revenue、1.5/unit、4/order、12000 date=2026-01-05、12000 amortize=12 start=2026-01、50000 basis=deposit、cpc=0.8 clicks=20000/month、cpc=plan、cpm=30 impressions=500000/month、cpt=2000/day 或 cps=10% 这样",
        "{key}={value}: say what the amount is per, e.g. /month, /unit, /order": "{key}={value}：请说明金额按什么计，例如 /month、/unit、/order",
        "{key}=: a percentage is not an amount of money here": "{key}=：这里需要金额，百分比不是金额",
        "{key}={value}: say how often, e.g. {value}/month": "{key}={value}：请说明多久一次，例如 {value}/month",
        "{key}={value}: {unit} is not day, week, month, quarter or year": "{key}={value}：{unit} 不是 day、week、month、quarter 或 year",
        "the name {name} is blank; a cost entry needs a name, e.g. \"快递\"": "名称 {name} 是空的；成本条目需要名称，例如 \"快递\"",
        "product=: no product {sku}": "product=：没有商品 {sku}",
        "basis={basis} is not a basis; use one of {choices}": "basis={basis} 不是计费方式；请用 {choices} 之一",
        "basis={basis} is not a basis; use one of {choices} (did you mean {near}?)": "basis={basis} 不是计费方式；请用 {choices} 之一（你是想输入 {near} 吗？）",
        "give only one of {keys}": "{keys} 只能给一个",
        "give either an amount or {key}=, not both": "金额和 {key}= 只能给一个，不能都给",
        "basis={basis} does not go with {key}=": "basis={basis} 不能与 {key}= 一起用",
        "{key}= goes with {owner}=": "{key}= 要与 {owner}= 一起用",
        "cpc=plan takes its clicks from the plan; give a price and clicks (cpc=0.8 clicks=20000/month) or cpc=plan":
            "cpc=plan 的点击数取自计划；请给单价和点击数（cpc=0.8 clicks=20000/month），或只写 cpc=plan",
        "{key}= needs {volume}=, e.g. {volume}=20000/month": "{key}= 需要 {volume}=，例如 {volume}=20000/month",
        "the entry needs an amount: {hint}": "这个条目需要金额：{hint}",
        "{value}: a percentage is not per {unit}": "{value}：百分比不能按 {unit} 计",
        "of={of}: a percentage is of revenue (of=revenue)": "of={of}：百分比是按销售额计的（of=revenue）",
        "{value} is a percentage, so basis={basis} does not fit": "{value} 是百分比，所以 basis={basis} 不合适",
        "{value} is {name}, so basis={basis} does not fit": "{value} 是 {name}，所以 basis={basis} 不合适",
        "amortize={months}: give the number of months, e.g. amortize=12": "amortize={months}：请给月数，例如 amortize=12",
        "amortize= needs start=, the first month, e.g. start=2026-01": "amortize= 需要 start=（第一个月），例如 start=2026-01",
        "basis={basis} does not go with date=": "basis={basis} 不能与 date= 一起用",
        "{value}: say how it is spent: {value}/month, {value} date=2026-01-05 (once), {value} amortize=12 start=2026-01, or {value} basis=deposit":
            "{value}：请说明怎么花：{value}/month、{value} date=2026-01-05（一次性）、{value} amortize=12 start=2026-01，或 {value} basis=deposit",
        "amount={value}: {id} is a percentage of revenue; write amount={value}%, or give it a new form, e.g. amount={value}/month":
            "amount={value}：{id} 是收入的百分比；请写 amount={value}%，或给出新的计提方式，例如 amount={value}/month",
        "{key}={value}: a price is to the fen (two decimals)": "{key}={value}：价格精确到分（两位小数）",
        "{key}={value}: a price is to the fen (two decimals), e.g. {key}={rounded}": "{key}={value}：价格精确到分（两位小数），例如 {key}={rounded}",
        "{key}= would give one figure to entries of different forms ({forms}); pick one form with basis:…, e.g. cost set {filter} basis:{basis} {key}=…, or change them by a relative amount ({key}*=1.1)":
            "{key}= 会把同一个数字给不同计提方式的条目（{forms}）；请用 basis:… 选一种方式，例如 cost set {filter} basis:{basis} {key}=…，或用相对修改（{key}*=1.1）",
        "{key}={value} has no period, and the entries run by different ones ({forms}); give it, e.g. {key}={value}/month":
            "{key}={value} 没有周期，而这些条目按不同周期计（{forms}）；请写明，例如 {key}={value}/month",
        "cpc={value}: {id} pays the plan's own cpc on the plan's paid clicks; change that with set cpc={value}, or give fixed clicks, e.g. cpc={value} clicks=20000/month":
            "cpc={value}：{id} 按计划的付费点击支付计划自己的 cpc；请用 set cpc={value} 修改它，或给出固定点击量，例如 cpc={value} clicks=20000/month",
        "{id} {name}: {problem}; nothing was changed": "{id} {name}：{problem}；没有修改任何内容",
        "of= goes with a percentage, e.g. 5% of=revenue": "of= 要与百分比一起用，例如 5% of=revenue",
        "amortize= goes with a plain amount, e.g. 12000 amortize=12 start=2026-01": "amortize= 要与单纯的金额一起用，例如 12000 amortize=12 start=2026-01",
        "date= is for one-off amounts and deposits; use start= and end= to bound this entry": "date= 只用于一次性金额和保证金；这个条目请用 start= 和 end= 限定时间",
        "{text}: {problem}": "{text}：{problem}",
        "; ": "；",
        // Goal seek.
        "write seek INPUT until FIGURE=TARGET, e.g. {example}": "请写 seek 输入 until 指标=目标，例如 {example}",
        "{text}: write the figure and its target, e.g. margin:TS-001=30% or profit:2026=100万": "{text}：请写指标和目标，例如 margin:TS-001=30% 或 profit:2026=100万",
        "on={value}: give a day such as 2026-03-15": "on={value}：请给一天，例如 2026-03-15",
        "from= must be below to=": "from= 必须小于 to=",
        "{figure} cannot be worked out for any {input} in the range": "在这个范围内，{input} 取任何值都算不出 {figure}",
        "no {input} between {low} and {high} makes {figure} = {target}: there it ranges from {minimum} to {maximum}; widen the range with from= and to=":
            "{input} 在 {low} 到 {high} 之间都不能使 {figure} = {target}：那里它从 {minimum} 变到 {maximum}；请用 from= 和 to= 放宽范围",
        "{text}: a cost entry's amount or qty can be sought": "{text}：成本条目只能求解 amount 或 qty",
        "{text}: seek a product's price, cost or share, e.g. {sku}.price": "{text}：可求解商品的 price、cost 或 share，例如 {sku}.price",
        "{text} is not an input: give SKU.price, SKU.cost, SKU.share, an assumption ({assumptions}) or a cost ID":
            "{text} 不是可调的输入：请给 SKU.price、SKU.cost、SKU.share、一个假设（{assumptions}）或成本编号",
        "{text} is not an input: give SKU.price, SKU.cost, SKU.share, an assumption ({assumptions}) or a cost ID; did you mean {names}?":
            "{text} 不是可调的输入：请给 SKU.price、SKU.cost、SKU.share、一个假设（{assumptions}）或成本编号；你是想输入 {names} 吗？",
        "{assumption} {value} {problem}": "{assumption} {value}：{problem}",
        "{text}: write a figure such as margin:TS-001, contribution:TS-001, breakeven:TS-001, profit:2026 or margin:2026-11":
            "{text}：请写一个指标，例如 margin:TS-001、contribution:TS-001、breakeven:TS-001、profit:2026 或 margin:2026-11",
        "{text}: the figures are margin, contribution, breakeven and profit": "{text}：可用的指标有 margin（贡献毛利率）、contribution（贡献毛利）、breakeven（保本）和 profit（利润）",
        // Seasonal profiles.
        "profile {verb} needs a name, e.g. profile {verb} 电商": "profile {verb} 需要名称，例如 profile {verb} 电商",
        "no profile {name}": "没有季节曲线 {name}",
        "no profile {name}; there is {names}": "没有季节曲线 {name}；现有的是 {names}",
        "profile set {name} needs weights, e.g. nov=1.9 or sat=1.1 or event=2026-11-11x6": "profile set {name} 需要权重，例如 nov=1.9、sat=1.1 或 event=2026-11-11x6",
        "{text}: a weight must not be negative": "{text}：权重不能为负",
        "{text}: a weight is at most {most}": "{text}：权重最多为 {most}",
        "event={value}: write the day and its multiplier, e.g. event=11-11x6 (every year) or event=2026-11-11x6 (one day)":
            "event={value}：请写日期和倍数，例如 event=11-11x6（每年）或 event=2026-11-11x6（某一天）",
        "event={value}: {day} is not a month and day; write MM-DD, e.g. 11-11 or 06-18": "event={value}：{day} 不是月和日；请写 MM-DD，例如 11-11 或 06-18",
        "{name} has no yearly event on {day}": "{name} 在 {day} 没有每年的活动",
        "event={value}: {problem}; or MM-DD for every year, e.g. event=11-11x6": "event={value}：{problem}；每年的活动请写 MM-DD，例如 event=11-11x6",
        "{name} has no event on {day}": "{name} 在 {day} 没有活动",
        "profile {name} spreads {users}; split those another way first": "季节曲线 {name} 正用于分解 {users}；请先换一种方式分解它们",
        "made profile {name}": "已建季节曲线 {name}",
        "changed profile {name}": "已改季节曲线 {name}",
        "removed profile {name}": "已删除季节曲线 {name}",
        // Actuals and their CSV import.
        "cannot read {path}: no such file or not readable": "无法读取 {path}：文件不存在或不可读",
        "{problem} (in Excel: save as \"CSV UTF-8\")": "{problem}（在 Excel 中请另存为 \"CSV UTF-8\"）",
        "{path} is empty": "{path} 是空的",
        "map={map}: write COLUMN:METRIC pairs, e.g. map=成交额:gmv,UV:uv (metrics: {metrics})": "map={map}：请写 列名:指标 对，例如 map=成交额:gmv,UV:uv（指标：{metrics}）",
        "{path}: two columns are {metric} (one is {name}); use map= to say which": "{path}：有两列都是 {metric}（其中一列是 {name}）；请用 map= 指明用哪一列",
        "{path}: no date column (日期 or date) in the header; name it with map=COLUMN:date": "{path}：表头中没有日期列（日期 或 date）；请用 map=列名:date 指明",
        "{path}: no known figures in the header {header}; name them with map=COLUMN:gmv,…": "{path}：表头 {header} 中没有认得的指标；请用 map=列名:gmv,… 指明",
        "line {line}: {count} fields, the header has {columns}": "第 {line} 行：有 {count} 个字段，表头有 {columns} 个",
        "line {line}: {text} is not a date (2026-03-14, 2026/3/14 or 20260314)": "第 {line} 行：{text} 不是日期（2026-03-14、2026/3/14 或 20260314）",
        "{day} is already on line {line}": "{day} 已在第 {line} 行出现",
        "{column}: {text} is negative": "{column}：{text} 是负数",
        "{column}: {text} is not a whole number": "{column}：{text} 不是整数",
        "{column}: {text} is over 100%": "{column}：{text} 超过 100%",
        "line {line}: {problems}": "第 {line} 行：{problems}",
        "… and {count} more": "…… 还有 {count} 行",
        "{path}: nothing imported; {rows} to fix:": "{path}：什么也没有导入；有 {rows} 要改：",
        "{path} has a header but no rows": "{path} 只有表头，没有数据行",
        "not recorded: {problem}": "没有记录：{problem}",
        "recorded {day}: {figures}": "已记录 {day}：{figures}",
        "updated {day}: {figures}": "已更新 {day}：{figures}",
        "removed the actuals of {days}": "已删除 {days} 的实际数据",
        "imported {days} ({first}..{last}) from {path}": "已从 {path} 导入 {days}（{first}..{last}）",
        ", replacing {days} recorded before": "，替换了之前记录的 {days}",
        "; ignored columns: {columns}": "；忽略的列：{columns}",
    ]
}
