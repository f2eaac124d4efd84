from unfog.cli import main

main()
