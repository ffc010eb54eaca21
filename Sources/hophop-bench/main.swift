print("hophop-bench")
