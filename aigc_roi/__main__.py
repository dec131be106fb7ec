from aigc_roi.cli import main

main()
