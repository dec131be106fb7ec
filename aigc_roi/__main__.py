from aigc_roi.cli.app import main

main()
