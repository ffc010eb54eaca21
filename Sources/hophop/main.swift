print("hophop")
