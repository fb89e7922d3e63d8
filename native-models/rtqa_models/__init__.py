"""RTQA Review research models: attention-MIL over organs (WP1), over 3D patches (WP2) and their fusion (WP3).

Research code on synthetic data only; not for clinical decisions. Run with Debian's /usr/bin/python3
(python3-torch 1.13, python3-onnx); no other Python package is needed besides numpy.
"""
