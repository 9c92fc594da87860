//! Service posts (服务阵地) and service records: issue #7.
