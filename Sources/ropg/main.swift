import Foundation
import ROPGShell

// Everything lives in ROPGShell; the executable only hands over its arguments.
exit(ShellMain.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
