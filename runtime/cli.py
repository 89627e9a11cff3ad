def main() -> int:
    print("tron")
    return 0
