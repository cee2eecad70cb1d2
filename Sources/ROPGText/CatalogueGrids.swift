// The month × product grids (pnl and goal show by=month,product): titles, notes and errors.

extension Catalogue {
    static let gridEntries: [String: String] = [
        "quarter, month, week or day": "quarter、month、week 或 day",
        "top= goes with a grid: goal show {period} by=month,product top=10": "top= 用于表格：goal show {period} by=month,product top=10",
        "vs={value}: only vs=actual compares, e.g. goal show 2026-03 vs=actual": "vs={value}：只能用 vs=actual 对比，例如 goal show 2026-03 vs=actual",
        "metrics= and vs= go with one dimension; a goal grid shows GMV, e.g. goal show {period} by=month,product": "metrics= 和 vs= 只用于单一维度；目标表格显示销售额，例如 goal show {period} by=month,product",
        "the GMV goal spread to products as the plan sells them (each product's share of each day, saved hit plans in their products); a month's total is goal show {period} by=month's GMV, a product's total pnl {period} by=product's GMV": "销售额目标按计划的销售分到各商品（每天各商品的占比，已保存的爆款计划计入其商品）；每月合计即 goal show {period} by=month 的销售额，每个商品的合计即 pnl {period} by=product 的销售额",
        "goals {period}: GMV by product and month": "目标 {period}：销售额，按商品和月",
        "goals {period}: GMV by month and product": "目标 {period}：销售额，按月和商品",
        "{period} by {grain} is about {rows} rows; show a shorter period or a larger by=": "{period} 按{grain}约有 {rows} 行；请显示更短的期间或更大的 by=",
        "by={value}: show by quarter, month, week or day": "by={value}：请按 quarter、month、week 或 day 显示",
        "{period} is a {grain}: show it by something smaller": "{period} 是一个{grain}：请按更小的期间显示",
        "range": "范围",
        "net units": "净件数",
        "month, quarter, week, day or product": "month、quarter、week、day 或 product",
        "by={value}: a grid is by=month,product or by=product,month (one dimension: {dimensions})": "by={value}：表格为 by=month,product 或 by=product,month（单一维度：{dimensions}）",
        "top={value}: give a whole number of products, e.g. top=10": "top={value}：请给出商品数（整数），例如 top=10",
        "metric={value}: a grid shows one of {metrics}": "metric={value}：表格可显示 {metrics} 之一",
        "alloc={value}: use revenue, units or even": "alloc={value}：请用 revenue、units 或 even",
        "net units by product and month, from the sales the goods cost follows: each month's units rounded to whole units and shared out by the largest remainder; a product's total is the sum of its months": "按商品和月的净件数，来自货品成本所跟随的销售：每月件数取整后按最大余数法分配；商品的合计是其各月之和",
        "equal shares": "平均分摊",
        "{metric} by product and month: shared costs shared out month by month (in proportion to {proportion}, alloc={alloc}); a month's total is pnl {period} by=month's, a product's total pnl {period} by=product's": "按商品和月的{metric}：共同成本逐月分摊（按{proportion}比例，alloc={alloc}）；每月合计即 pnl {period} by=month 的数字，每个商品的合计即 pnl {period} by=product 的数字",
        "profit and loss {period}: {metric} by product and month": "损益 {period}：{metric}，按商品和月",
        "profit and loss {period}: {metric} by month and product": "损益 {period}：{metric}，按月和商品",
        "other {count} products": "其余 {count} 个商品",
        "the {shown} products with the largest {metric} of {count} shown; the other {rest} are summed in one line (top=N shows more)": "显示 {count} 个商品中{metric}最大的 {shown} 个；其余 {rest} 个合并为一行（top=N 显示更多）",
    ]
}
