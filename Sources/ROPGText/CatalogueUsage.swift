// The command lines' usage: `ropg --help` and `ropg run --help`.

extension Catalogue {
    static let usageEntries: [String: String] = [
        """
        usage: ropg [WORKSPACE.json] [options]
               ropg run NOTEBOOK.md [--check] [--bail] [--set KEY=VALUE] [--scenario NAME] [--html FILE.html]

        Opens WORKSPACE.json (created on the first save if it does not exist) and runs the
        interactive shell when standard input is a terminal, or the commands on standard input.

        options:
          -c 'CMD; CMD'         run these commands and exit
          -f SCRIPT.ropg        run a script and exit (may be repeated; runs in the order given)
          --bail                stop at the first command that fails
          --echo                print each command before its output
          --format FORMAT       text (default), md, csv or json
          --lang zh|en          the language ropg speaks (default: the workspace's, else LC_ALL/LANG)
          --bom                 start CSV on standard output with a byte order mark (for Excel)
          --version             print the version
          -h, --help            print this help

        exit status: 0 when every command succeeded, 1 when any failed, 2 for a usage error.
        Inside the shell, type help.
        """:
            """
            用法：ropg [工作区.json] [选项]
                   ropg run 笔记本.md [--check] [--bail] [--set 键=值] [--scenario 名称] [--html 文件.html]

            打开 工作区.json（不存在时在第一次保存时创建）；标准输入是终端时运行交互式 shell，
            否则运行标准输入中的命令。

            选项：
              -c 'CMD; CMD'         运行这些命令后退出
              -f SCRIPT.ropg        运行脚本后退出（可重复；按给出的顺序运行）
              --bail                在第一条失败的命令处停止
              --echo                在输出前打印每条命令
              --format FORMAT       text（默认）、md、csv 或 json
              --lang zh|en          ropg 使用的语言（默认：工作区的，否则按 LC_ALL/LANG）
              --bom                 输出到标准输出的 CSV 以字节顺序标记开头（供 Excel 使用）
              --version             打印版本
              -h, --help            打印本帮助

            退出状态：全部命令成功为 0，有失败为 1，用法错误为 2。
            在 shell 中输入 help。
            """,
        """
        usage: ropg run NOTEBOOK.md [--check] [--bail] [--set KEY=VALUE]… [--scenario NAME] [--html FILE.html]

        Runs every ```ropg cell of the notebook top to bottom on a fresh load of the workspace its header
        names, and writes each cell's output in the ```output fence under it (the rest of the file is kept
        byte for byte). Nothing is saved to the workspace unless a cell says save.
          --check             run without writing; exit 1 with a diff of every output that changed
          --bail              stop at the first cell that fails
          --set KEY=VALUE     run under another assumption (set KEY=VALUE first; today=DAY moves today)
          --scenario NAME     run every cell under the workspace's scenario NAME
          --html FILE.html    also write the notebook as one self-contained page
        Under --set or --scenario the notebook is not rewritten: the outputs go to standard output
        (or, with --check, are compared with the notebook's).
        exit status: 0 every cell ran (or, with --check, nothing changed), 1 a cell failed (or an output
        changed), 2 usage error.
        """:
            """
            用法：ropg run 笔记本.md [--check] [--bail] [--set 键=值]… [--scenario 名称] [--html 文件.html]

            在笔记本头部指定的工作区（每次重新载入）上，从上到下运行笔记本中每个 ```ropg 单元格，并把每个
            单元格的输出写进其下方的 ```output 代码块（文件的其余部分逐字节保留）。除非某个单元格执行 save，
            否则不会保存工作区。
              --check             只运行不写入；有输出变化时以 1 退出并给出每处变化的差异
              --bail              在第一个失败的单元格处停止
              --set 键=值         在另一个假设下运行（先执行 set 键=值；today=日期 移动今天）
              --scenario 名称     在工作区的情景 名称 下运行每个单元格
              --html 文件.html    同时把笔记本写成一个独立的网页
            在 --set 或 --scenario 下不会改写笔记本：输出写到标准输出
            （或在 --check 下与笔记本中的输出比较）。
            退出状态：0 每个单元格都运行了（或在 --check 下没有变化），1 有单元格失败（或有输出变化），
            2 用法错误。
            """,
    ]
}
