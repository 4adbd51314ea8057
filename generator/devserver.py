"""placeholder"""
def serve_command(root, host, port):
    raise NotImplementedError
