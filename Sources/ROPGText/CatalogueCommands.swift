// Help: each command's summary and explanation, keyed by the English kept beside the command.
// Commands, keys and examples are shown as typed in both languages.

extension Catalogue {
    static let commandEntries: [String: String] = [
        "what a period costs, by category, entry, product or period (ROPG)":
            "某个期间的成本：按类别、条目、商品或期间（ROPG）",
        """
        PERIOD defaults to this month. Calendar costs accrue over the period (a yearly amount 1/12 a month, evenly over each month's days; amortized
        purchases 1/N a month); per-unit, per-order, percent and CPS costs follow the period's sales: the plan
        (GMV goals, orders from AOV, units from the product mix) or, with source=actual, the recorded actuals.
        view=cash counts one-off and amortized purchases on the day they are paid. Deposits are not costs: they
        are listed apart. Shares are of total cost and of net revenue; the lines add up exactly to the total.
        vs=actual sets the plan's R, O, P, G and total beside the actuals' over the days with GMV recorded (see help pnl).
        chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the report's figures, row by row, fitted to the terminal's width; the amount (or the total) by default.
        """:
            """
            PERIOD 默认为本月。按日历计的成本在期间内计提（年度金额每月 1/12，在当月各天均摊；摊销的采购每月 1/N）；
            按件、按单、按比例和 CPS 成本跟随该期间的销售：计划（销售额目标、按客单价得出的订单数、按商品结构得出的件数），
            或用 source=actual 时跟随记录的实际数据。view=cash 把一次性和摊销的采购计在付款当天。保证金不是成本：单独列出。
            占比为占总成本和占净收入的比例；各行加起来正好等于合计。
            vs=actual 把计划的平台、运营、人员、货品成本及合计与实际数并列，覆盖记录了销售额的日子（见 help pnl）。
            chart=FIGURE（或只写 chart：主要数字）把报表的某个数字逐行画成条形图，宽度适应终端；默认为金额（或合计）。
            """,
        "profit and loss: revenue, R O P G costs, profit and margin, by period or product":
            "损益：收入、R O P G 成本、利润和利润率，按期间或按商品",
        """
        PERIOD defaults to this month. GMV less refunds (refund-rate) is net revenue; less the R, O, P and G costs it is profit; margin is profit ÷ net
        revenue. R includes the payment fee (payment-fee) on net revenue. Deposits are not costs: they are shown apart. by=product gives each product its own goods and the
        entries tied to it, and shares out the other costs month by month in proportion to net revenue (alloc=units by units sold,
        alloc=even equally). The parts of every row add up exactly to its total. why pnl PERIOD LINE shows the working.
        vs=actual sets the plan beside the recorded actuals: plan | actual | variance | variance %, over the days with
        GMV recorded (the others are missing, never zero, and are named); the actual's sales-linked costs follow the
        recorded sales. Without by= every figure is compared, and profit, orders and ad-spend goals where they exist;
        by=month|quarter|week|day compares GMV and profit row by row.
        by=month,product is a grid: months in rows, products in columns (by=product,month: the other way), of one figure
        (metric=, profit by default), each month split by product as pnl MONTH by=product splits it, with totals both
        ways: a month's total is pnl PERIOD by=month's; a product's total is pnl PERIOD by=product's (the sum of its
        months). metric=units shows net units (from the sales the goods cost follows). top=N (20 by default)
        shows the N products with the largest total and sums the others in one line.
        chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the report's figures, row by row, fitted to the terminal's width; profit by default. A wrong figure is an error that lists the figures there are.
        """:
            """
            PERIOD 默认为本月。销售额（GMV）减去退款（refund-rate）为净收入；再减去平台、运营、人员和货品成本为利润；利润率为利润 ÷ 净收入。
            平台成本含净收入上的支付手续费（payment-fee）。保证金不是成本：单独列出。by=product 让每个商品承担自己的货品成本和
            归属于它的条目，其余成本逐月按净收入比例分摊（alloc=units 按销量，alloc=even 平均）。每一行的各部分加起来正好等于其合计。
            why pnl PERIOD LINE 显示计算过程。
            vs=actual 把计划与记录的实际数并列：计划 | 实际 | 差异 | 差异 %，覆盖记录了销售额的日子（其余日子为缺失，绝不当作零，
            并逐一列出）；实际的销售相关成本跟随记录的销售。不带 by= 时比较每个数字，以及已设的利润、订单和推广费目标；
            by=month|quarter|week|day 逐行比较销售额和利润。
            by=month,product 是网格：月份为行、商品为列（by=product,month 则相反），显示一个数字（metric=，默认利润），
            每个月按 pnl MONTH by=product 的方式按商品拆分，两个方向都有合计：一个月的合计即 pnl PERIOD by=month 的值；
            一个商品的合计即 pnl PERIOD by=product 的值（其各月之和）。metric=units 显示净销量（来自货品成本所跟随的销售）。
            top=N（默认 20）显示合计最大的 N 个商品，其余合并为一行。
            chart=FIGURE（或只写 chart：主要数字）把报表的某个数字逐行画成条形图，宽度适应终端；默认为利润。
            """,
        "the working behind a pnl line or a cost entry's amount":
            "损益某一行或某个成本条目金额背后的计算过程",
        "record each day's actual results, or import the platform's CSV export":
            "记录每天的实际数据，或导入平台导出的 CSV",
        """
        actual add on a day already recorded changes only the figures given. actual import reads a CSV with a
        header row: 日期, 支付金额/销售额, 访客数, 支付买家数/订单数, 支付件数, 推广花费, 跳失率, 人均浏览量/访问深度,
        询单转化率 or their English names (date, gmv, uv, orders, units, adspend, bounce, depth, inquiry-cvr);
        map= names other columns. A file with any bad row imports nothing and lists every bad row.
        Days in the file replace the same days already recorded.
        """:
            """
            对已记录的日子执行 actual add 只改给出的数字。actual import 读取带表头行的 CSV：日期、支付金额/销售额、访客数、
            支付买家数/订单数、支付件数、推广花费、跳失率、人均浏览量/访问深度、询单转化率，或它们的英文名
            （date, gmv, uv, orders, units, adspend, bounce, depth, inquiry-cvr）；map= 指定其他列名。文件中有任何一行出错则整个文件不导入，
            并列出每一个出错的行。文件中的日子替换已记录的同一天。
            """,
        "the morning check: day, month, quarter and year to date against their goals":
            "早间检查：当天、月、季度和年度至今对照目标",
        """
        DATE defaults to today. For each metric with goals and actuals: the goal and the actual over the days
        recorded up to DATE (days with nothing recorded are missing, never zero; they are counted and listed),
        achievement, the gap, the whole period's goal, and the run-rate each day left after DATE now needs (the
        missing days count at their goal until recorded). Where GMV, visitors (uv=) and orders are recorded, the
        GMV gap is split into traffic (visitors), conversion (CVR) and order value (AOV) against the driver tree
        of the GMV goal on the same days; the three parts add up to the gap to the cent (Shapley split, see
        docs/DOMAIN.md §4.7) and the largest is marked as the main cause, with the seeds' advice. Ad spend
        recorded is set against the adspend goal, or else the driver tree's spend (paid clicks × cpc). Bounce
        rate, visit depth and inquiry conversion recorded on DATE are held against the seeds' thresholds:
        bounce < 70% (good < 60%), depth ≥ 2.5 (good ≥ 3.5), inquiry conversion ≥ 50%, with their advice.
        chart=FIGURE (or chart alone: achieved) draws a bar chart of one figure of the check table, row by row, fitted to
        the terminal's width.
        """:
            """
            DATE 默认为今天。对每个既有目标又有实际数据的指标：截至 DATE 已记录日子的目标和实际（没有记录的日子为缺失，
            绝不当作零；会计数并列出）、达成率、差距、整个期间的目标，以及 DATE 之后剩余每天现在需要达到的日均值
            （缺失的日子在记录之前按其目标计）。记录了销售额、访客数（uv=）和订单数时，销售额差距按同期销售额目标的驱动树
            拆分为流量（访客数）、转化（转化率）和客单价三部分；三部分之和精确到分等于差距（Shapley 分解，见 docs/DOMAIN.md §4.7），
            最大的一项标为主要原因，并附上种子文章的建议。记录的推广费与推广费目标对照，没有目标时与驱动树的花费（付费点击 × cpc）对照。
            DATE 当天记录的跳失率、访问深度和询单转化率按种子文章的阈值检查：跳失率 < 70%（良好 < 60%），访问深度 ≥ 2.5（良好 ≥ 3.5），
            询单转化率 ≥ 50%，并附上建议。
            chart=FIGURE（或只写 chart：达成率）把检查表的某个数字逐行画成条形图，宽度适应终端。
            """,
        "add, change, remove and list cost entries (R platform, O operating, P people, G goods)":
            "添加、修改、删除和列出成本条目（R 平台成本、O 运营成本、P 人员成本、G 货品成本）",
        """
        Bases: once (date=), recurring (AMOUNT/day|week|month|quarter|year), amortized (amortize=MONTHS start=MONTH),
        per unit (AMOUNT/unit), per order (AMOUNT/order), percent of revenue (5% of=revenue), CPS (cps=10% [share=30%]),
        CPC (cpc=PRICE clicks=N/month), CPC on the plan's paid clicks (cpc=plan [share=80%]: each day the paid clicks the
        driver tree needs — visitors × paid-share — at that day's cpc), CPM (cpm=PRICE-PER-1000 impressions=N/month), CPT (cpt=PRICE/day), deposit
        (basis=deposit, not an expense). start= and end= bound any entry; qty= multiplies it; product=SKU ties a
        per-unit, per-order, percent, CPS or cpc=plan entry to one product. Each entry gets a short ID (R1, O2…) that never changes.
        An entry is named by its ID or by its name when no other entry has it (an ambiguous name lists the IDs).
        Relative changes: amount+=10%, amount-=500, amount*=1.1, qty+=1 (money kept to the cent; a percentage fee
        stays exact). A bare figure keeps the entry's form: amount=5000 on a 4500/month entry makes it 5000/month;
        cps=12% keeps its share, cpm=30 its impressions. In bulk, one figure must meet entries of one form.
        Bulk: instead of an ID, a filter changes every entry that matches as one undo step and says how
        many: a category (O or category:O), name:工资 (a name containing the text), basis:cpc, product:TS-001, all;
        several filters must all match. In the interactive shell a change of more than 20 entries asks first.
        cost list takes the same filters, and name=.
        """:
            """
            计提方式：一次性（date=）、周期性（AMOUNT/day|week|month|quarter|year）、摊销（amortize=MONTHS start=MONTH）、
            按件（AMOUNT/unit）、按单（AMOUNT/order）、按收入比例（5% of=revenue）、CPS（cps=10% [share=30%]）、
            CPC（cpc=PRICE clicks=N/month）、按计划付费点击的 CPC（cpc=plan [share=80%]：每天按驱动树需要的付费点击——访客数 × paid-share——
            乘以当天的 cpc）、CPM（cpm=每千次展现价格 impressions=N/month）、CPT（cpt=PRICE/day）、保证金
            （basis=deposit，不是费用）。start= 和 end= 限定任何条目的起止；qty= 乘以数量；product=SKU 把按件、按单、按比例、CPS 或
            cpc=plan 条目归属到一个商品。每个条目有一个永不改变的短编号（R1、O2…）。
            条目用编号指定，没有重名时也可用名称（名称有歧义时会列出编号）。
            相对修改：amount+=10%、amount-=500、amount*=1.1、qty+=1（金额保留到分；百分比费用保持精确）。只写数字时保留条目的计提方式：
            对 4500/month 的条目写 amount=5000 就是 5000/month；cps=12% 保留其份额，cpm=30 保留其展现量。批量修改时，一个数字只能用于同一种计提方式的条目。批量：用筛选条件代替编号，
            一次修改所有匹配的条目，作为一个撤销步骤，并说明改了多少：类别（O 或 category:O）、name:工资（名称包含该文字）、basis:cpc、
            product:TS-001、all；多个筛选条件必须同时满足。在交互式 shell 中，一次修改超过 20 个条目会先询问。
            cost list 接受同样的筛选条件，以及 name=。
            """,
        "write the plan workbook (.xlsx): summary, goals, P&L, costs, products, hit plans, scenarios, with charts":
            "写出计划工作簿（.xlsx）：汇总、目标、损益、成本、商品、爆款计划、情景，带图表",
        """
        PERIOD defaults to this year; any period works, shown by month (a week by day, a day as its one row).
        The sheets, each the report of the same name in the shell:
          summary     the period's P&L in one column (pnl PERIOD), with the counts of products, hit plans and scenarios
          goals       goal show PERIOD by=month, with a column chart of the GMV goal (left out when no goal is set)
          pnl         pnl PERIOD by=month, with a column chart of profit
          costs       costs PERIOD by category, with a column chart
          products    margin: each product's unit economics
          hit NAME    each saved hit plan by day (hit show NAME by=day), with a line chart of units, ad spend and
                      cumulative contribution
          scenarios   scenario compare pnl PERIOD, when the workspace has scenarios
        Figures are real numbers with formats (money #,##0.00, rates 0.00%, counts #,##0); headers are frozen and
        bold, totals bold, notes under each table. The file is written whole and then put in place, so a failed
        export leaves no half-written workbook; a folder that does not exist is an error. Any single report can
        also be written as a workbook: pnl 2026 by=month > pnl.xlsx.
        """:
            """
            PERIOD 默认为今年；任何期间都可以，按月显示（一周按日，一天为一行）。
            各工作表即 shell 中同名的报表：
              summary     期间的损益一栏（pnl PERIOD），以及商品、爆款计划和情景的数目
              goals       goal show PERIOD by=month，带销售额目标的柱形图（没有目标时省略）
              pnl         pnl PERIOD by=month，带利润的柱形图
              costs       按类别的 costs PERIOD，带柱形图
              products    margin：每个商品的单件经济
              hit NAME    每个保存的爆款计划按日（hit show NAME by=day），带件数、推广费和累计贡献毛利的折线图
              scenarios   scenario compare pnl PERIOD（工作区有情景时）
            数字是带格式的真实数值（金额 #,##0.00，比率 0.00%，数量 #,##0）；表头冻结并加粗，合计加粗，每张表下面有注释。
            文件先完整写好再放到位，所以失败的导出不会留下写了一半的工作簿；不存在的文件夹是错误。
            任何单个报表也可以写成工作簿：pnl 2026 by=month > pnl.xlsx。
            """,
        "print tables as text, md (Markdown), csv or json":
            "把表格输出为 text、md（Markdown）、csv 或 json",
        """
        csv and json keep standard output for data (docs/OUTPUT.md): json prints one document per command, its
        tables by name with their notes and messages; csv prints plain CSV, or with several tables a line
        "# table: NAME" before each. Messages, csv notes and --echo go to standard error.
        format money=万|亿|plain shows money columns on screen in 万 or 亿 yuan, the unit in the header, totals still
        adding up to their parts as shown; files keep full precision.
        Any command takes table=NAME to keep one of its tables, e.g. breakeven table=breakeven_mix. Names: the
        command (pnl, product_list, hit_rank), or for reports of several tables: breakeven, breakeven_mix;
        hit_plan, hit_plan_summary; portfolio, portfolio_abc, portfolio_matrix; settings, settings_overrides;
        check, check_health.
        width=N draws text tables and charts on standard output N display columns wide: a table wider than that is
        shown in a layout that fits (see docs/OUTPUT.md) and says so. width=auto (the default) fits the terminal
        (COLUMNS, else its size) and keeps full tables in pipes; width=full never fits. Files (> FILE) always
        hold the full table.
        """:
            """
            csv 和 json 让标准输出只放数据（docs/OUTPUT.md）：json 每条命令输出一个文档，按名称包含其表格、注释和消息；
            csv 输出普通 CSV，有多张表时在每张表前加一行 "# table: NAME"。消息、csv 的注释和 --echo 写到标准错误。
            format money=万|亿|plain 让屏幕上的金额列按万元或亿元显示，单位写在表头里，合计仍与各项相加一致；文件保留完整精度。
            任何命令都可加 table=NAME 只保留其中一张表，例如 breakeven table=breakeven_mix。名称：命令名（pnl、product_list、hit_rank），
            多表报表为：breakeven、breakeven_mix；hit_plan、hit_plan_summary；portfolio、portfolio_abc、portfolio_matrix；
            settings、settings_overrides；check、check_health。
            width=N 让标准输出上的文字表格和图表宽 N 个显示列：比这更宽的表格会换成适合的布局（见 docs/OUTPUT.md）并说明。
            width=auto（默认）适应终端（COLUMNS，否则按终端大小），管道中保持完整表格；width=full 从不调整。文件（> FILE）总是保存完整表格。
            """,
        "goals at five levels: set, spread down, show, the driver tree":
            "五级目标：设定、向下分解、查看、驱动树",
        """
        Metrics: gmv (sales), orders, units, uv (visitors), profit, adspend, on a year, quarter, month, ISO week
        or day. A goal set by hand is pinned: spreading a parent keeps it and shares only the rest among the
        other children; goal rm unpins. Without a split a year or quarter spreads to months and a month to days
        in proportion to calendar days. Money is shared in cents and counts in whole units so that the children
        always add up exactly to their parent (largest remainder; ties go to the earlier period). A week's goal
        pins its days, which may lie in two months; those months re-spread their other days around them.
        goal drivers works out the visitors, orders, units, paid clicks and ad spend a GMV goal needs from
        the assumptions (set cvr= aov= cpc= paid-share= units-per-order=, also per period with period=).
        goal show PERIOD vs=actual sets each metric's goal beside what was recorded, row by row, over the days
        with that metric recorded (profit: the actual P&L); days with nothing recorded are missing, never zero.
        goal show PERIOD by=month,product is a grid of the GMV goal as the plan spreads it to products: months in rows,
        products in columns (by=product,month: the other way), totals both ways: a month's total is goal show PERIOD
        by=month's GMV, a product's total pnl PERIOD by=product's GMV. top=N (20 by default) shows the N products with
        the most GMV and sums the others in one line.
        goal show chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the metrics, row by row, fitted to the terminal's width; GMV by default.
        """:
            """
            指标：gmv（销售额）、orders（订单数）、units（件数）、uv（访客数）、profit（利润）、adspend（推广费），可设在年、季度、月、ISO 周
            或日上。手工设定的目标被锁定：分解上级时保留它，只把剩余部分分给其他下级；goal rm 解除锁定。没有分解方式时，年或季度分解到月、
            月分解到日，按日历天数比例。金额按分、数量按整件分配，使下级加起来总是正好等于上级（最大余额法；相同时给较早的期间）。
            周目标锁定其各天，这些天可能跨两个月；这两个月的其他日子围绕它们重新分解。
            goal drivers 根据假设（set cvr= aov= cpc= paid-share= units-per-order=，也可用 period= 按期间设）算出一个销售额目标需要的
            访客数、订单数、件数、付费点击和推广费。
            goal show PERIOD vs=actual 把每个指标的目标与记录的数据逐行并列，覆盖记录了该指标的日子（利润：实际损益）；
            没有记录的日子为缺失，绝不当作零。
            goal show chart=FIGURE（或只写 chart：主要数字）把某个指标逐行画成条形图，宽度适应终端；默认为销售额。
            goal show PERIOD by=month,product 是计划分解到商品的销售额目标网格：月份为行、商品为列（by=product,month 则相反），
            两个方向都有合计：一个月的合计即 goal show PERIOD by=month 的销售额，一个商品的合计即 pnl PERIOD by=product 的销售额。
            top=N（默认 20）显示销售额最大的 N 个商品，其余合并为一行。
            """,
        "list the commands, or explain one":
            "列出命令，或解释一条命令",
        "list the changes that undo and redo move through":
            "列出撤销和重做所经过的修改",
        "hit products (爆款): rank candidates, plan a push day by day, save plans into the P&L":
            "爆款：为候选商品排名，逐日规划推广，把计划存入损益",
        """
        rank: per product, CTR and CVR (the product's own, measured with product set SKU ctr= cvr=, else the shop's),
        unit contribution u, value per visitor = CVR × units per order × u, value per 1,000 impressions = that × CTR × 1000,
        and the break-even CPC (a click may cost what a visitor is worth); best value per visitor first.
        plan: units a day are flat in the test, rise in a straight line to the peak over the ramp, stay at the peak, then
        hold at hold-level × peak (whole units). Each day: orders = units ÷ units per order, visitors = orders ÷ CVR (rounded
        up), paid clicks = visitors × the phase's paid share (rounded), ad spend = clicks × cpc, revenue = units × price,
        related revenue = revenue × (related − 1) earning the shop's average contribution margin, and contribution after
        ads. Unset keys come from the product and the shop (start today, the shop's cpc and paid share). The summary gives
        ROI (contribution after ads ÷ ad spend), the payback day, the peak daily ad budget, the stock needed (units ×
        (1 + safety)) against stock on hand, the stock-out day and the latest reorder day (stock-out − lead time).
        save keeps the last plan shown under a name: saved plans are part of the plan in pnl and costs (their revenue, their
        goods as G and their ad spend as O, each on a line of its own) and goal show says how much of each GMV goal they cover.
        plan and show: chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the report's figures, row by row, fitted to the terminal's width; the cumulative contribution by default.
        """:
            """
            rank：每个商品的点击率和转化率（商品自己的，用 product set SKU ctr= cvr= 记录，否则用店铺的）、单件贡献毛利 u、
            每个访客的价值 = 转化率 × 每单件数 × u、每千次展现的价值 = 该值 × 点击率 × 1000，以及保本 CPC（一次点击最多可花一个访客的价值）；
            按每个访客的价值从高到低排列。
            plan：测款期每天件数持平，在爬坡期按直线升到峰值，峰值期保持，之后在维持期保持 hold-level × 峰值（整件）。每天：
            订单数 = 件数 ÷ 每单件数，访客数 = 订单数 ÷ 转化率（向上取整），付费点击 = 访客数 × 该阶段的付费占比（四舍五入），
            推广费 = 点击 × cpc，收入 = 件数 × 价格，关联收入 = 收入 × (related − 1)，按店铺平均贡献毛利率计，以及扣除推广后的贡献毛利。
            未给的键取自商品和店铺（从今天开始，店铺的 cpc 和付费占比）。汇总给出 ROI（扣除推广后的贡献毛利 ÷ 推广费）、回本日、
            每日推广预算峰值、需要的库存（件数 × (1 + safety)）对照现有库存、断货日和最晚补货日（断货日 − 备货周期）。
            save 把最近显示的计划按名称保存：保存的计划是 pnl 和 costs 中计划的一部分（其收入、其货品作为货品成本、其推广费作为运营成本，
            各占一行），goal show 显示它们覆盖了每个销售额目标的多少。
            plan 和 show：chart=FIGURE（或只写 chart：主要数字）把报表的某个数字逐行画成条形图，宽度适应终端；默认为累计贡献毛利。
            """,
        "what the open workspace holds, where it is, whether it is saved":
            "打开的工作区里有什么、在哪里、是否已保存",
        "start a new, empty workspace":
            "开始一个新的空工作区",
        "The new workspace is saved to NAME.json by save, or anywhere with save PATH.":
            "新工作区用 save 保存到 NAME.json，或用 save PATH 保存到任意位置。",
        "record the session as a plan notebook (notebook record FILE.md … notebook stop)":
            "把会话记录为计划笔记本（notebook record FILE.md … notebook stop）",
        """
        notebook record FILE.md appends every following command line and its output to FILE.md as a cell (a ```ropg
        fence, then its ```output fence), named by the number the prompt shows ([3] demo> makes cell #3), until
        notebook stop. A new file starts with a header naming the workspace (relative to the notebook) and pinning
        today, and a title; an existing notebook is appended to. Write your reasoning between the cells in any
        editor. ropg run FILE.md re-runs it on a fresh load of the workspace and refreshes the outputs;
        ropg run --check FILE.md says which numbers changed; ropg run FILE.md --html FILE.html publishes it.
        notebook alone says whether a recording is on.
        """:
            """
            notebook record FILE.md 把之后的每一行命令及其输出作为一个单元追加到 FILE.md（一个 ```ropg 代码块，然后是 ```output 代码块），
            按提示符显示的编号命名（[3] demo> 产生单元 #3），直到 notebook stop。新文件以一个标题头开始，写明工作区（相对笔记本的路径）
            并固定今天的日期，还有一个标题；已有的笔记本会被追加。在任何编辑器中把你的推理写在单元之间。
            ropg run FILE.md 在重新载入的工作区上重跑并刷新输出；ropg run --check FILE.md 说明哪些数字变了；
            ropg run FILE.md --html FILE.html 发布它。只写 notebook 说明是否正在记录。
            """,
        "keep a report on watch: after every change it re-runs and shows what moved (Δ)":
            "盯住一个报表：每次修改后重跑并显示变化（Δ）",
        """
        watch pnl 2026-11 shows the report now and keeps it on watch: after every change (product set, cost add,
        set, goal split, undo, redo, keep, drop …) each watched report runs again and shows the rows that moved,
        before | now | Δ | Δ%, or says nothing moved. Any report works, with its keys (watch margin, watch goal
        drivers 2026-11, watch pnl 2026 by=quarter scenario=激进). watch alone lists the reports on watch;
        unwatch ends them all, unwatch N the one numbered N.
        """:
            """
            watch pnl 2026-11 现在显示报表并盯住它：每次修改之后（product set、cost add、set、goal split、undo、redo、keep、drop …），
            每个盯住的报表都会重跑并显示变化的行：之前 | 现在 | Δ | Δ%，或说明没有变化。任何报表都可以，带上它的键
            （watch margin、watch goal drivers 2026-11、watch pnl 2026 by=quarter scenario=激进）。只写 watch 列出盯住的报表；
            unwatch 全部结束，unwatch N 结束编号为 N 的那个。
            """,
        "open another workspace file":
            "打开另一个工作区文件",
        "With unsaved changes, open asks first (or, in a script, refuses unless discard=yes).":
            "有未保存的修改时，open 会先询问（在脚本中则拒绝，除非给出 discard=yes）。",
        "the product line: ABC by contribution, traffic × margin matrix, roles against numbers":
            "货品结构：按贡献毛利的 ABC、流量 × 毛利矩阵、角色与数字对照",
        """
        Per product over the period's planned sales (default: this year): role, planned share of GMV, share of visitors
        (units ÷ units per order ÷ CVR, the product's own CVR where measured), contribution (units × unit contribution),
        its share, and the contribution margin. ABC: A is the smallest set of products making 80% of the contribution, B the
        next up to 95%, C the rest. The matrix splits visitors share and margin at their medians: traffic (high traffic, low
        margin), star (high, high), profit (low traffic, high margin), question (low, low). A declared role the numbers
        contradict is flagged: a traffic product with a top-half margin, a profit product that loses money or brings
        traffic at a low margin, a hit that brings little traffic. Products are listed best contribution first, the first
        50 unless top=N or all is given.
        """:
            """
            按期间的计划销售（默认：今年）逐个商品：角色、计划销售额占比、访客数占比（件数 ÷ 每单件数 ÷ 转化率，有记录时用商品自己的转化率）、
            贡献毛利（件数 × 单件贡献毛利）、其占比，以及贡献毛利率。ABC：A 为贡献 80% 贡献毛利的最小商品集合，B 为接下来直到 95% 的商品，
            C 为其余。矩阵按中位数划分访客占比和毛利率：引流（高流量、低毛利）、明星（高、高）、利润（低流量、高毛利）、问题（低、低）。
            声明的角色与数字矛盾时会标出：毛利率在上半区的引流款、亏钱或以低毛利带来流量的利润款、带来很少流量的爆款。
            商品按贡献毛利从高到低列出，默认前 50 个，除非给出 top=N 或 all。
            """,
        "break-even units, revenue, CPC, ROAS and ACoS for a product or the whole shop":
            "商品或整个店铺的保本件数、收入、CPC、ROAS 和 ACoS",
        """
        Fixed costs F are what the period's calendar-based entries cost (once, recurring, amortized, CPC/CPM/CPT with
        their own volumes); sales-linked entries are in the unit contribution u instead, and deposits are not costs.
        With a SKU: F ÷ u units of that product alone, rounded up (less the ads each unit takes when cpc=plan entries
        buy the plan's clicks); break-even CPC = cvr × u × units-per-order, the most a click may cost before it loses
        money; break-even ROAS = 1 ÷ contribution margin, ACoS = contribution margin. Without a SKU: the whole shop at
        the planned mix (share= of GMV, each taken as its part of the shares the products carry: free products carry
        none), each product's units rounded up. PERIOD defaults to this month; unit costs and assumptions are those of
        the period's first day (on=DAY for another).
        """:
            """
            固定成本 F 是该期间按日历计的条目的成本（一次性、周期性、摊销、按自身数量计的 CPC/CPM/CPT）；销售相关的条目计入
            单件贡献毛利 u，保证金不是成本。带 SKU 时：只靠该商品需要 F ÷ u 件，向上取整（有 cpc=plan 条目购买计划点击时，再减去每件占用的推广费）；
            保本 CPC = cvr × u × units-per-order，即一次点击亏钱之前最多能花多少；保本 ROAS = 1 ÷ 贡献毛利率，ACoS = 贡献毛利率。
            不带 SKU 时：整个店铺按计划的商品结构（销售额的 share=，每个按其在各商品份额中的比例计：免费商品不承担），每个商品的件数向上取整。
            PERIOD 默认为本月；单件成本和假设取该期间第一天的（用 on=DAY 指定另一天）。
            """,
        "what a discount does to the contribution, and the volume that keeps it":
            "折扣对贡献毛利的影响，以及保持贡献毛利所需的销量",
        """
        The discounted price is rounded half-up to the cent. To earn the same contribution at the new price, sales must
        grow by u ÷ u′ (DOMAIN §3). A discount that takes the price to or below the variable cost (goods, other unit
        costs and the fees on the new price) is refused with the numbers: no volume makes it up. Platforms punish more
        than two price changes in 24 hours, so planned price moves are better made as discounts.
        """:
            """
            折后价四舍五入到分。要在新价格下赚同样的贡献毛利，销量必须增长到 u ÷ u′ 倍（DOMAIN §3）。
            折扣使价格降到或低于变动成本（货品、其他单件成本和新价格上的费用）时会被拒绝并给出数字：再多的销量也补不回来。
            平台会惩罚 24 小时内超过两次的改价，所以计划中的价格调整最好用折扣来做。
            """,
        "a table of prices against contribution, margin, break-even units and CPC":
            "价格对照贡献毛利、毛利率、保本件数和 CPC 的表",
        """
        One row per price from from= to to= (both included) in steps of step=, at most 500 rows. Break-even units cover
        the fixed costs of PERIOD (this month by default) with that product alone; break-even CPC is at the shop's cvr.
        The row at today's price is marked.
        """:
            """
            从 from= 到 to=（含两端）每隔 step= 一行，最多 500 行。保本件数只靠该商品覆盖 PERIOD（默认本月）的固定成本；
            保本 CPC 按店铺的 cvr 计。标出当前价格所在的行。
            """,
        "unit economics: what each product earns per unit after fees and unit costs":
            "单件经济：每个商品扣除费用和单件成本后每件赚多少",
        """
        Per product: price P, goods cost C, other unit costs v (per-unit entries, per-order entries ÷ units-per-order),
        fees f (percent entries, CPS at rate × share, payment-fee), unit contribution u = P·(1 − f) − C − v, contribution
        margin u ÷ P, gross margin (P − C) ÷ P and markup (P − C) ÷ C. Sorted by contribution margin, best first;
        products that lose money on every unit are flagged. When cpc=plan entries buy the plan's paid clicks, the ads
        each unit takes (share × cpc × paid-share ÷ (cvr × units-per-order)) and the contribution after them are shown
        too. Entries and assumptions are those of today (on=DAY for another day).
        """:
            """
            每个商品：价格 P、货品成本 C、其他单件成本 v（按件条目、按单条目 ÷ units-per-order）、费用率 f（按比例条目、CPS 按费率 × 占比、
            payment-fee）、单件贡献毛利 u = P·(1 − f) − C − v、贡献毛利率 u ÷ P、毛利率 (P − C) ÷ P 和加价率 (P − C) ÷ C。
            按贡献毛利率从高到低排序；每件都亏钱的商品会被标出。有 cpc=plan 条目购买计划付费点击时，还显示每件占用的推广费
            （share × cpc × paid-share ÷ (cvr × units-per-order)）和扣除它之后的贡献毛利。条目和假设取今天的（用 on=DAY 指定另一天）。
            """,
        "the price for a target contribution margin, markup or profit per unit":
            "达到目标贡献毛利率、加价率或单件利润的价格",
        """
        margin=m: P = (C + v) ÷ (1 − f − m), with goods cost C, other unit costs v and fees f as margin shows them; no
        price reaches it when f + m ≥ 100%. markup=k: P = C × (1 + k). profit=x: the unit contribution x, P = (C + v + x)
        ÷ (1 − f). The price is rounded half-up to the cent and shown with what it earns; apply it with product set, or
        try it first with whatif product set SKU price=….
        """:
            """
            margin=m：P = (C + v) ÷ (1 − f − m)，货品成本 C、其他单件成本 v 和费用率 f 与 margin 显示的一致；f + m ≥ 100% 时没有价格能达到。
            markup=k：P = C × (1 + k)。profit=x：单件贡献毛利为 x，P = (C + v + x) ÷ (1 − f)。价格四舍五入到分，并显示它能赚多少；
            用 product set 应用它，或先用 whatif product set SKU price=… 试一试。
            """,
        "add, change, remove and list products":
            "添加、修改、删除和列出商品",
        """
        price is the selling price per unit, cost the net goods cost per unit (货品净成本).
        role: traffic 引流款, profit 利润款, image 形象款, custom 定制款, hit 爆款.
        share is the product's planned part of the shop's GMV (share=40%); products without one share what is left
        evenly. Renaming a SKU with sku= also renames it in the cost entries that belong to it.
        Relative changes: price-=10% (10% less: 79 becomes 71.10), price+=5 (5 more), cost*=1.1 (times 1.1); the
        same for cost, stock, share, ctr and cvr. A percentage after += or -= is a share of the figure itself (cvr+=10%
        takes 3% to 3.3%), a plain number an amount (cvr+=0.005 takes 3% to 3.5%). Money is kept to the cent
        (half up), stock to whole units; a change that would make a figure negative is refused, naming the product.
        A price is typed to the fen: price=79.99, not 79.999.
        In a scenario, a relative change is kept relative, so it follows the plan's price.
        Bulk: instead of a SKU, a filter changes every product that matches, as one undo step, and says how many:
        all, role:traffic, name:T恤 (name or SKU containing the text); several filters must all match. In the
        interactive shell a change of more than 20 products asks first. product list takes the same filters, and name=.
        """:
            """
            price 是每件售价，cost 是每件货品净成本。
            role：traffic 引流款、profit 利润款、image 形象款、custom 定制款、hit 爆款。
            share 是商品在店铺销售额中的计划占比（share=40%）；没有设定的商品平分剩余部分。
            用 sku= 改 SKU 时，属于它的成本条目中的 SKU 也一起改。
            相对修改：price-=10%（减少 10%：79 变成 71.10）、price+=5（增加 5）、cost*=1.1（乘以 1.1）；cost、stock、share、ctr 和 cvr 同样适用。
            += 或 -= 后的百分比是该数字本身的比例（cvr+=10% 把 3% 变成 3.3%），普通数字是数量（cvr+=0.005 把 3% 变成 3.5%）。
            金额保留到分（四舍五入），库存保留整件；会让数字变成负数的修改会被拒绝，并指出是哪个商品。
            价格写到分：price=79.99，而不是 79.999。
            在情景中，相对修改保持为相对的，所以会跟随计划的价格。
            批量：用筛选条件代替 SKU，一次修改所有匹配的商品，作为一个撤销步骤，并说明改了多少：all、role:traffic、
            name:T恤（名称或 SKU 包含该文字）；多个筛选条件必须同时满足。在交互式 shell 中，一次修改超过 20 个商品会先询问。
            product list 接受同样的筛选条件，以及 name=。
            """,
        "seasonal profiles: month, weekday and event-day weights for spreading goals":
            "季节性配置：分解目标用的月份、星期和活动日权重",
        """
        Weights are relative: a month of weight 2 gets twice the share of a month of weight 1; weights not given
        stay as they were (1 for a new profile). Splitting to days, a day's share of its month follows its
        weekday weight times its event multiplier (11-11x6: 双11 counts as six ordinary days).
        An event written MM-DD (11-11x6, 06-18x3, 12-12x2.5) applies on that day of every year; 02-29 counts in leap
        years only. An event written with its year (2027-01-20x1.5) applies on that one day, and on a day that has
        both, the dated one wins. Holidays whose dates move each year (春节, 年货节, 元宵) stay dated: add them
        year by year. event=11-11:none or event=2027-01-20:none takes an event off.
        """:
            """
            权重是相对的：权重为 2 的月份分到的份额是权重为 1 的月份的两倍；没给的权重保持原值（新配置为 1）。分解到日时，
            一天在当月的份额按其星期权重乘以活动倍数（11-11x6：双11 算六个普通日）。
            写成 MM-DD 的活动（11-11x6、06-18x3、12-12x2.5）每年的那一天都适用；02-29 只在闰年计入。写明年份的活动（2027-01-20x1.5）
            只适用于那一天，两者在同一天时以写明年份的为准。日期每年变动的节日（春节、年货节、元宵）保持写明日期：逐年添加。
            event=11-11:none 或 event=2027-01-20:none 去掉一个活动。
            """,
        "leave ropg (asks to save unsaved changes)":
            "退出 ropg（有未保存的修改时会询问是否保存）",
        "In a script, quit ends the script; unsaved changes are not saved unless the script saves them.":
            "在脚本中，quit 结束脚本；未保存的修改不会保存，除非脚本自己保存。",
        "unsaved changes a session left when it ended without saving: show, replay or discard them":
            "会话未保存就结束时留下的修改：查看、重放或丢弃",
        """
        Every change is written to a journal beside the workspace (.NAME.json.journal) as it is made, and the journal
        goes away on save. When ropg ends without saving (a crash, kill -9, a closed terminal, a power cut), the next
        open finds the journal and says so. recover shows its changes; recover replay makes them again, as undo steps
        (a change that no longer fits the file, because the file changed since, is reported and skipped); changes
        made inside a what-if or a scenario go back into it, open again, never into the plan; recover discard
        throws them away. In the interactive shell, open asks right away.
        """:
            """
            每个修改在做出时都写入工作区旁边的日志（.NAME.json.journal），保存后日志删除。ropg 未保存就结束时（崩溃、kill -9、
            关闭终端、断电），下次打开会发现日志并告知。recover 显示其中的修改；recover replay 重新做这些修改，作为可撤销的步骤
            （因文件此后已变而不再适用的修改会被报告并跳过）；在假设分析或情景中做的修改回到重新打开的假设分析或情景中，
            绝不进入计划；recover discard 丢弃它们。在交互式 shell 中，打开时会立即询问。
            """,
        "make the latest undone change again":
            "重做最近撤销的修改",
        "save the workspace (to its file, or to PATH)":
            "保存工作区（到它的文件，或到 PATH）",
        """
        Saving is atomic: a crash mid-save leaves the old file whole. The same workspace always saves to the
        same bytes, so the file diffs well in git. Without PATH it saves to the file it was opened from;
        with PATH it saves there and that file becomes the workspace's file. Through a symbolic link, the
        file the link points to is replaced and the link is kept.

        A save never overwrites someone else's work by accident. When the file changed on disk since this
        shell opened or last saved it (another ropg, an editor, git), save refuses and offers:
          save reload        read the file again and re-apply your changes since the last save on top of
                             it; saves when every change still applies, else says which do not (check, then save)
          save OTHER.json    save your version elsewhere
          save --force       overwrite the file with your version, on purpose
        A read-only file (no write permission) is not replaced either: make it writable, or save --force.
        Temporary files left by saves that were killed are removed, and reported, at the next open or save.
        """:
            """
            保存是原子的：保存中途崩溃也会留下完整的旧文件。同一个工作区总是保存成同样的字节，所以文件在 git 中差异清楚。
            不带 PATH 时保存到打开它的文件；带 PATH 时保存到那里，并且该文件成为工作区的文件。通过符号链接保存时，
            替换链接指向的文件并保留链接。

            保存绝不会意外覆盖别人的工作。文件自本 shell 打开或上次保存以来在磁盘上有了变化（另一个 ropg、编辑器、git）时，
            save 会拒绝并提供：
              save reload        重新读取文件，把你自上次保存以来的修改重新应用在它上面；
                                 每个修改都仍适用时保存，否则说明哪些不适用（检查后再保存）
              save OTHER.json    把你的版本保存到别处
              save --force       有意用你的版本覆盖文件
            只读文件（没有写权限）也不会被替换：让它可写，或用 save --force。
            被中断的保存留下的临时文件会在下次打开或保存时删除并报告。
            """,
        "named versions of the plan (保守, 激进) kept in the workspace and compared side by side":
            "计划的命名版本（保守、激进），保存在工作区中并排比较",
        """
        scenario new NAME opens a what-if that belongs to NAME: change products, costs, goals, assumptions and hit
        plans as usual (product set role:traffic price-=10%, set cpc+=20%, cost add P "主播" 8000/month, hit save 双11),
        then keep stores the changes in the scenario (the plan is unchanged) or drop throws them away. scenario save
        NAME turns an open what-if into a scenario; scenario open NAME edits one, and keep stores the edits back.
        A scenario is a delta on the plan as it is now: when the plan changes, its changes still apply on top (a
        relative change such as price-=10% follows the plan's price); a change whose product or entry is gone is
        reported by name and the rest still apply. Scenarios are saved in the workspace file, one line per change.
        scenario compare REPORT shows the report for the plan and every scenario (or those named) side by side,
        each with Δ and Δ% against the plan: pnl, costs, margin, breakeven, goal show, goal drivers, hit plan,
        portfolio and any other report, at any grain they take; > FILE and every format work. REPORT scenario=NAME
        shows any report under one scenario.
        Volume that answers price (every comparison says which rule it used): hold-gmv, the default, keeps the
        goals' GMV, so a cheaper product sells more units; hold-units keeps each product's units, so its GMV moves
        with its price; elasticity:E changes its units by E × the price change (elasticity:-1.5 and a 10% cut sell
        15% more). Set it per scenario (scenario new NAME volume=hold-units, scenario volume NAME RULE) or for one
        comparison (scenario compare … volume=RULE).
        """:
            """
            scenario new NAME 打开一个属于 NAME 的假设分析：照常修改商品、成本、目标、假设和爆款计划
            （product set role:traffic price-=10%、set cpc+=20%、cost add P "主播" 8000/month、hit save 双11），
            然后 keep 把修改存入情景（计划不变），或 drop 丢弃它们。scenario save NAME 把打开的假设分析存为情景；
            scenario open NAME 编辑一个情景，keep 把修改存回去。
            情景是相对当前计划的增量：计划变化时，它的修改仍叠加在上面（price-=10% 这样的相对修改跟随计划的价格）；
            商品或条目已不存在的修改会按名称报告，其余的仍然适用。情景保存在工作区文件中，每个修改一行。
            scenario compare REPORT 把计划和每个情景（或指定的情景）的报表并排显示，各自带有相对计划的 Δ 和 Δ%：
            pnl、costs、margin、breakeven、goal show、goal drivers、hit plan、portfolio 以及任何其他报表，可用它们支持的任何粒度；
            > FILE 和各种格式都可用。REPORT scenario=NAME 显示某个情景下的任何报表。
            销量如何响应价格（每个比较都会说明用的规则）：hold-gmv（默认）保持目标的销售额，所以降价的商品卖出更多件数；
            hold-units 保持每个商品的件数，所以销售额随价格变化；elasticity:E 按 E × 价格变化改变件数
            （elasticity:-1.5 时降价 10% 多卖 15%）。可按情景设定（scenario new NAME volume=hold-units、scenario volume NAME RULE），
            或只用于一次比较（scenario compare … volume=RULE）。
            """,
        "goal seek: the value of one input that makes a figure hit a target (opens a what-if)":
            "单变量求解：让某个数字达到目标的某个输入值（打开一个假设分析）",
        """
        INPUT: a product field (SKU.price, SKU.cost, SKU.share), an assumption (cvr, aov, cpc, paid-share,
        natural-per-paid, units-per-order, payment-fee, refund-rate) or a cost entry's amount or quantity (O8, O8.qty).
        FIGURE: margin:SKU (contribution margin), contribution:SKU (per unit), breakeven:SKU (units this month),
        profit:PERIOD or margin:PERIOD (profit ÷ net revenue, from pnl). The input is tried across a range (from= and
        to=, else a wide one for its kind) to find where the figure crosses the target, the crossing nearest today's
        value is narrowed by bisection, and the answer is rounded as the input is shown (cents, 0.01%). When no value
        in the range reaches the target, seek says so and shows what the figure ranges over. The answer opens a what-if
        holding it: compare with pnl or margin, then keep or drop.
        """:
            """
            INPUT：商品字段（SKU.price、SKU.cost、SKU.share）、假设（cvr、aov、cpc、paid-share、natural-per-paid、units-per-order、
            payment-fee、refund-rate）或成本条目的金额或数量（O8、O8.qty）。
            FIGURE：margin:SKU（贡献毛利率）、contribution:SKU（单件贡献毛利）、breakeven:SKU（本月保本件数）、
            profit:PERIOD 或 margin:PERIOD（利润 ÷ 净收入，来自 pnl）。在一个范围内尝试该输入（from= 和 to=，否则按其类型取一个宽范围），
            找到数字穿过目标的位置，用二分法逼近离当前值最近的那个穿越点，答案按输入的显示精度取整（分、0.01%）。
            范围内没有值能达到目标时，seek 会说明并显示该数字的变化范围。答案会打开一个包含它的假设分析：用 pnl 或 margin 比较，
            然后 keep 或 drop。
            """,
        "set planning assumptions (conversion rate, order value, CPC, fees…)":
            "设定计划假设（转化率、客单价、CPC、费率…）",
        "show the planning assumptions":
            "显示计划假设",
        "run the commands in a script file":
            "运行脚本文件中的命令",
        "A script holds one command per line; # starts a comment; \\ at the end of a line continues it.":
            "脚本每行一条命令；# 开始注释；行末的 \\ 表示续行。",
        "try changes apart from the plan and compare reports side by side (keep or drop)":
            "在计划之外尝试修改，并排比较报表（keep 或 drop）",
        """
        After whatif, every change (product, cost, goal, set …) is made in the what-if only; the prompt shows it with
        its number of changes. While it is open, pnl, costs, margin, breakeven, ladder and goal drivers show the plan,
        the what-if, Δ and Δ% side by side. keep makes the changes part of the plan as one undo step; drop throws them
        away. undo takes back the what-if's changes one by one, never the plan's. Every comparison says how volume
        answers a price change: hold GMV by default (the goals' GMV stays, a cheaper product sells more units);
        whatif volume=hold-units keeps each product's units (GMV moves with price), whatif volume=elasticity:-1.5
        changes units by −1.5 × the price change (docs/DOMAIN.md §13). save saves the plan without the
        what-if, and says so. whatif again lists the changes it holds. The one-line form opens a what-if, makes the
        changes, shows the report beside the plan and drops it: nothing changes.
        """:
            """
            whatif 之后，每个修改（product、cost、goal、set …）只在假设分析中进行；提示符显示它及其修改数。打开期间，
            pnl、costs、margin、breakeven、ladder 和 goal drivers 把计划、假设、Δ 和 Δ% 并排显示。keep 把修改作为一个撤销步骤并入计划；
            drop 丢弃它们。undo 逐个撤销假设分析中的修改，绝不撤销计划的。每个比较都会说明销量如何响应价格变化：默认保持销售额
            （目标的销售额不变，降价的商品卖出更多件数）；whatif volume=hold-units 保持每个商品的件数（销售额随价格变化），
            whatif volume=elasticity:-1.5 按 −1.5 × 价格变化改变件数（docs/DOMAIN.md §13）。save 保存不含假设分析的计划，并会说明。
            再次输入 whatif 列出其中的修改。单行形式打开一个假设分析，做出修改，把报表与计划并排显示，然后丢弃：什么都不会改变。
            """,
        "take reports off watch (all, or the one numbered N)":
            "结束盯住的报表（全部，或编号为 N 的那个）",
        "make the open what-if's changes part of the plan (one undo step)":
            "把打开的假设分析中的修改并入计划（一个撤销步骤）",
        "throw away the open what-if's changes":
            "丢弃打开的假设分析中的修改",
        "take back the latest change (up to 100)":
            "撤销最近的修改（最多 100 步）",
    ]
}
